import { useI18n } from '@/lib/i18n';
import { isMessageKey } from '@/lib/i18n/translate';
import { FACETS, type CatalogueFilters, type FacetName, type FacetValue } from '../api/ip';

/** The label of one facet value: the catalogue's word where there is one, else the value. */
export function useFacetLabel() {
  const { t } = useI18n();
  return (facet: FacetName, value: string): string => {
    // A translation right for one language: "translation:ja".
    const [base, language] = facet === 'medium' ? value.split(':') : [value, undefined];
    const key =
      facet === 'medium'
        ? `ip.medium.${base}`
        : facet === 'length' || facet === 'popularity'
          ? `ip.${facet}.${value}`
          : facet === 'genre'
            ? ''
            : `works.${facet}.${value}`;
    const word = isMessageKey(key) ? t(key) : base;
    return language ? t('ip.medium.translationTo', { medium: word, language }) : word;
  };
}

/** Facet checkboxes with their counts; checking one adds its value to the filters. */
export function FacetPanel({
  facets,
  filters,
  onChange,
}: {
  facets: Record<FacetName, FacetValue[]>;
  filters: CatalogueFilters;
  onChange: (next: CatalogueFilters) => void;
}) {
  const { t, formatNumber } = useI18n();
  const label = useFacetLabel();
  return (
    <div className="ip-facets">
      {FACETS.map((facet) => {
        const values = [...(facets[facet] ?? [])];
        // A checked value stays visible even when nothing matches it any more.
        for (const checked of filters[facet]) {
          if (!values.some((v) => v.value === checked)) values.push({ value: checked, count: 0 });
        }
        if (values.length === 0) return null;
        return (
          <fieldset key={facet} className="ip-facet">
            <legend>{t(`ip.facet.${facet}`)}</legend>
            <ul>
              {values.map((v) => {
                const checked = filters[facet].includes(v.value);
                return (
                  <li key={v.value}>
                    <label>
                      <input
                        type="checkbox"
                        checked={checked}
                        onChange={() =>
                          onChange({
                            ...filters,
                            [facet]: checked
                              ? filters[facet].filter((x) => x !== v.value)
                              : [...filters[facet], v.value],
                          })
                        }
                      />{' '}
                      {label(facet, v.value)}{' '}
                      <span className="ip-facet__count">({formatNumber(v.count)})</span>
                    </label>
                  </li>
                );
              })}
            </ul>
          </fieldset>
        );
      })}
    </div>
  );
}
