import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { SelectField, TextField } from '@/components/Field';
import { PagedList } from '@/components/PagedList';
import { EmptyState } from '@/components/States';
import { DISCIPLINES, isDiscipline } from '@/lib/disciplines';
import { useI18n } from '@/lib/i18n';
import type { GroupSort } from '@/types/api';
import { useGroups } from '../api/getGroups';
import type { GroupFilters } from '../api/keys';
import { GroupCard } from './GroupBits';
import './groups.css';

const SORTS: readonly GroupSort[] = ['activity', 'members', 'new', 'for_you'];

function asSort(value: string | null, signedIn: boolean): GroupSort {
  const sort = SORTS.includes(value as GroupSort) ? (value as GroupSort) : 'activity';
  return sort === 'for_you' && !signedIn ? 'activity' : sort;
}

/** The filters live in the address, so a filtered directory can be shared and survives reloads. */
export function useDirectoryFilters(
  signedIn: boolean,
): [GroupFilters, (change: Partial<GroupFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const discipline = params.get('discipline') ?? '';
  const filters: GroupFilters = {
    discipline: isDiscipline(discipline) ? discipline : '',
    field: params.get('field') ?? '',
    q: params.get('q') ?? '',
    sort: asSort(params.get('sort'), signedIn),
  };
  const set = (change: Partial<GroupFilters>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(change)) {
      if (v === '' || (k === 'sort' && v === 'activity')) next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true, preventScrollReset: true });
  };
  return [filters, set];
}

/** Typed text reaches the address (and the server) a moment after typing stops. */
function DebouncedField({
  label,
  value,
  onCommit,
  type = 'text',
}: {
  label: string;
  value: string;
  onCommit: (value: string) => void;
  type?: string;
}) {
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(value);
  }
  useEffect(() => {
    if (text === value) return;
    const timer = window.setTimeout(() => onCommit(text), 350);
    return () => window.clearTimeout(timer);
  }, [text, value, onCommit]);
  return <TextField label={label} type={type} value={text} onChange={(e) => setText(e.target.value)} />;
}

export function GroupDirectory({ signedIn }: { signedIn: boolean }) {
  const { t } = useI18n();
  const [filters, setFilters] = useDirectoryFilters(signedIn);
  const groups = useGroups(filters);
  const sorts = SORTS.filter((s) => s !== 'for_you' || signedIn);
  const filtered = filters.discipline !== '' || filters.field !== '' || filters.q !== '';

  return (
    <div className="group-directory">
      <div className="group-filters" role="search" aria-label={t('groups.filters')}>
        <DebouncedField
          label={t('groups.search')}
          type="search"
          value={filters.q}
          onCommit={(q) => setFilters({ q })}
        />
        <SelectField
          label={t('groups.discipline')}
          value={filters.discipline}
          onChange={(e) => setFilters({ discipline: e.target.value })}
        >
          <option value="">{t('groups.anyDiscipline')}</option>
          {DISCIPLINES.map((d) => (
            <option key={d} value={d}>
              {t(`discipline.${d}`)}
            </option>
          ))}
        </SelectField>
        <DebouncedField
          label={t('groups.field')}
          value={filters.field}
          onCommit={(field) => setFilters({ field })}
        />
      </div>
      <div className="segmented group-sorts" role="group" aria-label={t('groups.sortLabel')}>
        {sorts.map((s) => (
          <button
            key={s}
            type="button"
            className="segmented__option"
            aria-pressed={filters.sort === s}
            onClick={() => setFilters({ sort: s })}
          >
            {t(`groups.sort.${s}`)}
          </button>
        ))}
      </div>
      {filters.sort === 'for_you' && <p className="muted group-directory__lead">{t('groups.forYouLead')}</p>}
      <PagedList
        query={groups}
        className="group-list"
        label={t('groups.title')}
        render={(g) => <GroupCard key={g.id} group={g} />}
        empty={
          <EmptyState title={t(filtered ? 'groups.emptyFiltered' : 'groups.empty')} icon="⁂">
            {t(filtered ? 'groups.emptyFilteredBody' : 'groups.emptyBody')}
          </EmptyState>
        }
      />
    </div>
  );
}
