import { Link } from 'react-router';
import { Button } from '@/components/Button';
import { translate, useI18n, type MessageKey } from '@/lib/i18n';
import type { Locale, RegistryCertificate } from '@/types/api';
import './registry.css';

const OTHER: Record<Locale, Locale> = { 'zh-CN': 'en', en: 'zh-CN' };

/** A label in the reader's language with the other language beneath: the certificate is bilingual. */
function Bilingual({ k, params }: { k: MessageKey; params?: Record<string, string | number> }) {
  const { locale } = useI18n();
  const other = OTHER[locale];
  return (
    <>
      <span lang={locale}>{translate(locale, k, params)}</span>
      <span className="certificate__second" lang={other}>
        {translate(other, k, params)}
      </span>
    </>
  );
}

function Row({ k, children, mono }: { k: MessageKey; children: React.ReactNode; mono?: boolean }) {
  return (
    <div className="certificate__row">
      <dt>
        <Bilingual k={k} />
      </dt>
      <dd className={mono ? 'certificate__mono' : undefined}>{children}</dd>
    </div>
  );
}

export function Certificate({ certificate: c }: { certificate: RegistryCertificate }) {
  const authors = c.authors ?? [];
  return (
    <article className="certificate" aria-labelledby="certificate-title">
      <header className="certificate__header">
        <h1 id="certificate-title" className="certificate__title">
          <Bilingual k="registry.certificate.title" />
        </h1>
        <p className="certificate__lead">
          <Bilingual k="registry.certificate.lead" params={{ seq: c.seq }} />
        </p>
      </header>
      {c.kind === 'draft' && (
        <p className="certificate__note">
          <Bilingual k="registry.certificate.draftNote" />
        </p>
      )}
      <dl className="certificate__fields">
        <Row k="registry.field.seq">#{c.seq}</Row>
        <Row k="registry.field.kind">
          <Bilingual k={`registry.kind.${c.kind}`} />
        </Row>
        <Row k="registry.field.registeredAt" mono>
          <time dateTime={c.registeredAt}>{c.registeredAt}</time>
        </Row>
        <Row k="registry.field.authors">
          {authors.map((a, i) => (
            <span key={a.id}>
              {i > 0 && ', '}
              <Link to={`/u/${a.handle}`}>{a.displayName}</Link>{' '}
              <span className="certificate__handle">@{a.handle}</span>
            </span>
          ))}
        </Row>
        {c.workTitle && (
          <Row k="registry.field.title">
            <Link to={`/works/${c.workId}`}>{c.workTitle}</Link>
            {c.chapterTitle && (
              <>
                {' · '}
                <Link to={`/works/${c.workId}?chapter=${c.chapterNumber}`}>{c.chapterTitle}</Link>
              </>
            )}
          </Row>
        )}
        {c.workId != null && (
          <Row k="registry.field.work" mono>
            {c.workId} / {c.chapterId} (#{c.chapterNumber}) / v{c.version}
          </Row>
        )}
        <Row k="registry.field.contentHash" mono>
          {c.contentHash}
        </Row>
        <Row k="registry.field.paragraphs" mono>
          {c.paragraphCount} · {c.paragraphsDigest}
        </Row>
        <Row k="registry.field.previousHash" mono>
          {c.previousHash}
        </Row>
        <Row k="registry.field.entryHash" mono>
          {c.entryHash}
        </Row>
        <Row k="registry.field.key" mono>
          {c.algorithm} · {c.keyId}
        </Row>
        <Row k="registry.field.signature" mono>
          {c.signature}
        </Row>
      </dl>
      <section className="certificate__message">
        <h2>
          <Bilingual k="registry.field.signedMessage" />
        </h2>
        <pre data-testid="signed-message">{c.signedMessage}</pre>
        <p className="certificate__offline">
          <Bilingual k="registry.certificate.offline" />
        </p>
      </section>
    </article>
  );
}

/** Print and verify buttons; hidden on paper. */
export function CertificateActions() {
  const { t } = useI18n();
  return (
    <div className="certificate__actions">
      <Button type="button" onClick={() => window.print()}>
        {t('registry.certificate.print')}
      </Button>
      <Link to="/registry/verify">{t('registry.certificate.verifyLink')}</Link>
    </div>
  );
}
