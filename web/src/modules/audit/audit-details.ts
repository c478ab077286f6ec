import type { IntlShape } from 'react-intl';
import { distributionWords, memberRoleWords, outcomeWords, phaseWords, seizureStatusWords } from '../../i18n/codes';
import { defineMessages } from '../../i18n/define-messages';
import { storedCriterionStatement } from '../operations/gate-criteria';
import type { EventDetail } from '../timeline/event-description';
import { partName } from '../timeline/operation-events';

// What an attempt carried (`details`, JSON) that matters later, in words: an override's
// justification and criteria above all. Keys not listed here (ids, internal counters) are left
// out rather than shown raw.

const words = defineMessages({
  phase: { id: 'audit.detail.phase', defaultMessage: 'Phase' },
  phaseChange: { id: 'audit.detail.phaseChange', defaultMessage: '{from} → {to}' },
  overridden: { id: 'audit.detail.overridden', defaultMessage: 'Criteria overridden' },
  justification: { id: 'audit.detail.justification', defaultMessage: 'Justification' },
  reason: { id: 'audit.detail.reason', defaultMessage: 'Reason' },
  changed: { id: 'audit.detail.changed', defaultMessage: 'Changed' },
  role: { id: 'audit.detail.role', defaultMessage: 'Role' },
  answer: { id: 'audit.detail.answer', defaultMessage: 'Answer' },
  accepted: { id: 'audit.detail.accepted', defaultMessage: 'Accepted' },
  declined: { id: 'audit.detail.declined', defaultMessage: 'Declined' },
  outcome: { id: 'audit.detail.outcome', defaultMessage: 'Outcome' },
  distribution: { id: 'audit.detail.distribution', defaultMessage: 'Distribution' },
  status: { id: 'audit.detail.status', defaultMessage: 'Status' },
  rows: { id: 'audit.detail.rows', defaultMessage: 'Rows' },
  rowCounts: {
    id: 'audit.detail.rowCounts',
    defaultMessage: '{rows, plural, one {# row} other {# rows}}: {imported, number} imported, {already, number} already there',
  },
  note: { id: 'audit.detail.note', defaultMessage: 'Note' },
  correction: { id: 'audit.detail.correction', defaultMessage: 'Replaced a figure recorded earlier for the same day' },
  resubmitted: { id: 'audit.detail.resubmitted', defaultMessage: 'Sent back for verification' },
  retried: { id: 'audit.detail.retried', defaultMessage: 'A repeated request: nothing new was recorded' },
  alreadyAcknowledged: { id: 'audit.detail.alreadyAcknowledged', defaultMessage: 'Already acknowledged: nothing new was recorded' },
  unchanged: { id: 'audit.detail.unchanged', defaultMessage: 'The same figures as before: nothing new was recorded' },
});

type Details = Record<string, unknown>;

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);
const has = <Table extends object>(table: Table, value: unknown): value is keyof Table =>
  typeof value === 'string' && Object.hasOwn(table, value);

export function describeDetails(intl: IntlShape, raw: unknown): EventDetail[] {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return [];
  const details = raw as Details;
  const found: EventDetail[] = [];
  const add = (label: (typeof words)[keyof typeof words], value: string | string[] | null) => {
    if (value?.length) found.push({ label: intl.formatMessage(label), text: value });
  };
  if (has(phaseWords, details.from) && has(phaseWords, details.to)) {
    add(
      words.phase,
      intl.formatMessage(words.phaseChange, {
        from: intl.formatMessage(phaseWords[details.from]),
        to: intl.formatMessage(phaseWords[details.to]),
      }),
    );
  }
  if (Array.isArray(details.overriddenCriteria)) {
    const keys = details.overriddenCriteria
      .map((criterion: { key?: unknown }) => text(criterion?.key))
      .filter((key): key is string => !!key);
    add(
      words.overridden,
      keys.map((key) => storedCriterionStatement(intl, key)),
    );
  }
  add(words.justification, text(details.justification));
  add(words.reason, text(details.reason));
  if (Array.isArray(details.changed)) add(words.changed, intl.formatList(details.changed.map((part) => partName(intl, String(part)))));
  if (has(memberRoleWords, details.role)) add(words.role, intl.formatMessage(memberRoleWords[details.role]));
  if (typeof details.accept === 'boolean') add(words.answer, intl.formatMessage(details.accept ? words.accepted : words.declined));
  if (has(outcomeWords, details.outcome)) add(words.outcome, intl.formatMessage(outcomeWords[details.outcome]));
  if (has(distributionWords, details.distribution)) add(words.distribution, intl.formatMessage(distributionWords[details.distribution]));
  if (has(seizureStatusWords, details.status)) add(words.status, intl.formatMessage(seizureStatusWords[details.status]));
  if (typeof details.rows === 'number') {
    const counts = { rows: details.rows, imported: Number(details.importedCount ?? 0), already: Number(details.alreadyImportedCount ?? 0) };
    add(words.rows, intl.formatMessage(words.rowCounts, counts));
  }
  const notes = (['correction', 'resubmitted', 'retried', 'alreadyAcknowledged', 'unchanged'] as const).filter(
    (flag) => details[flag] === true,
  );
  add(
    words.note,
    notes.map((flag) => intl.formatMessage(words[flag])),
  );
  return found;
}

/** An alert's or seizure report's reference, when the attempt recorded it. */
export const referenceIn = (raw: unknown): string | null =>
  raw && typeof raw === 'object' && !Array.isArray(raw) ? text((raw as Details).reference) : null;

/** An override leaves a justification and the criteria it passed over: the row is marked. */
export const isOverride = (raw: unknown): boolean => !!raw && typeof raw === 'object' && (raw as Details).overridden === true;
