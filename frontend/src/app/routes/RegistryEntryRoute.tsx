import { useParams } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '@/components/States';
import { isApiError, ProblemType } from '@/lib/api';
import { useI18n } from '@/lib/i18n';
import { useCertificate } from '@/features/registry/api/getCertificate';
import { Certificate, CertificateActions } from '@/features/registry/components/Certificate';

/** /registry/entries/:id — the printable, bilingual certificate of one registry entry. */
export function RegistryEntryRoute() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const query = useCertificate(id);
  if (
    !Number.isSafeInteger(id) ||
    id < 1 ||
    (query.error && isApiError(query.error) && query.error.is(ProblemType.notFound))
  ) {
    return <EmptyState title={t('registry.certificate.notFound')} icon="✧" />;
  }
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <LoadingState />;
  return (
    <div className="page page--reading">
      <title>{`${t('registry.certificate.title')} #${query.data.seq} · ${t('app.name')}`}</title>
      <Certificate certificate={query.data} />
      <CertificateActions />
    </div>
  );
}
