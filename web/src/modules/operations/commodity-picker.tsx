import type { CommodityCategory } from '@jointops/shared/catalogue';
import { useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { graphql } from '../../graphql/graphql';
import { defineMessages } from '../../i18n/define-messages';
import { say, type Problem } from '../../i18n/problems';
import { LoadError, Skeleton } from '../../ui/page-state';

const words = defineMessages({
  filter: { id: 'operations.form.commodities.filter', defaultMessage: 'Filter commodities' },
  filterHint: {
    id: 'operations.form.commodities.filterHint',
    defaultMessage: 'By name or HS code. Commodities already chosen stay chosen.',
  },
  chosen: {
    id: 'operations.form.commodities.chosen',
    defaultMessage: '{count, plural, =0 {No commodity chosen yet} one {# commodity chosen} other {# commodities chosen}}',
  },
  noMatch: { id: 'operations.form.commodities.noMatch', defaultMessage: 'No commodity matches “{filter}”.' },
  hsCode: { id: 'operations.form.commodities.hsCode', defaultMessage: 'HS {code}' },
});

const categoryWords = defineMessages({
  PRECURSOR_CHEMICAL: { id: 'operations.form.commodities.category.PRECURSOR_CHEMICAL', defaultMessage: 'Precursor chemicals' },
  DETONATOR: { id: 'operations.form.commodities.category.DETONATOR', defaultMessage: 'Detonators and igniters' },
  FUSE: { id: 'operations.form.commodities.category.FUSE', defaultMessage: 'Fuses and cords' },
  COMPONENT: { id: 'operations.form.commodities.category.COMPONENT', defaultMessage: 'Electronic components' },
  UAV: { id: 'operations.form.commodities.category.UAV', defaultMessage: 'Unmanned aerial vehicles (drones)' },
}) satisfies Record<CommodityCategory, unknown>;

export const CommodityCatalogueQuery = graphql(`
  query CommodityCatalogue($version: String) {
    commodityCatalogue(version: $version) {
      version
      items {
        id
        code
        category
        hsCode
        nameEn
        nameFr
      }
    }
  }
`);

interface CommodityPickerProps {
  /** The operation's catalogue version; the current one for a new operation. */
  version?: string | undefined;
  chosen: readonly string[];
  onChange(ids: string[]): void;
  problem?: Problem | undefined;
}

/** A category with more items than this takes the whole row, its list in columns. */
const WIDE_CATEGORY = 6;

const folded = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/** The catalogue's commodities, a fieldset per category, each with its HS code. */
export function CommodityPicker({ version, chosen, onChange, problem }: CommodityPickerProps) {
  const intl = useIntl();
  const id = useId();
  const [filter, setFilter] = useState('');
  const [{ data, fetching, error }, reexecute] = useQuery({ query: CommodityCatalogueQuery, variables: { version: version ?? null } });

  if (fetching && !data) return <Skeleton lines={4} />;
  if (!data) return <LoadError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;

  // Names in the language on screen, not only the account's: the reader may have switched.
  const nameOf = (item: { nameEn: string; nameFr: string }) => (intl.locale.startsWith('fr') ? item.nameFr : item.nameEn);
  const wanted = folded(filter.trim());
  const shown = data.commodityCatalogue.items.filter(
    (item) => !wanted || [nameOf(item), item.hsCode ?? '', item.code].some((text) => folded(text).includes(wanted)),
  );
  const categories = [...new Set(data.commodityCatalogue.items.map((item) => item.category))];
  const toggle = (itemId: string, on: boolean) => onChange(on ? [...chosen, itemId] : chosen.filter((other) => other !== itemId));
  const problemId = `${id}-problem`;

  return (
    <div className="commodity-picker">
      <div className="commodity-picker-tools">
        <div className="field">
          <label htmlFor={`${id}-filter`}>
            <FormattedMessage {...words.filter} />
          </label>
          <input
            id={`${id}-filter`}
            type="search"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            aria-describedby={`${id}-filter-hint`}
          />
          <p id={`${id}-filter-hint`} className="field-hint">
            <FormattedMessage {...words.filterHint} />
          </p>
        </div>
        <p className="commodity-count" aria-live="polite">
          <FormattedMessage {...words.chosen} values={{ count: chosen.length }} />
        </p>
      </div>
      {problem && (
        <p id={problemId} className="field-error" tabIndex={-1} data-problem-anchor="">
          {say(intl, problem)}
        </p>
      )}
      {shown.length === 0 && (
        <p className="muted">
          <FormattedMessage {...words.noMatch} values={{ filter: filter.trim() }} />
        </p>
      )}
      <div className="commodity-categories">
        {categories.map((category) => {
          const items = shown.filter((item) => item.category === category);
          if (!items.length) return null;
          const label = categoryWords[category as CommodityCategory];
          return (
            <fieldset
              key={category}
              className={items.length > WIDE_CATEGORY ? 'commodity-category commodity-category-wide' : 'commodity-category'}
            >
              <legend>{label ? intl.formatMessage(label) : category}</legend>
              <div className="commodity-items">
                {items.map((item) => (
                  <label key={item.id} className="check">
                    <input type="checkbox" checked={chosen.includes(item.id)} onChange={(event) => toggle(item.id, event.target.checked)} />
                    <span>
                      {nameOf(item)}
                      {item.hsCode && (
                        <>
                          {' '}
                          <span className="hs-code">
                            <FormattedMessage {...words.hsCode} values={{ code: item.hsCode }} />
                          </span>
                        </>
                      )}
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
          );
        })}
      </div>
    </div>
  );
}
