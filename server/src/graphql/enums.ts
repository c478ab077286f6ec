import { COMMODITY_CATEGORIES } from '@jointops/shared/catalogue';
import {
  ALERT_CATEGORIES,
  ALERT_OUTCOMES,
  ALERT_SEVERITIES,
  AUDIT_OUTCOMES,
  DISTRIBUTION_KINDS,
  LOCALES,
  type Marking,
  PARTICIPATION_STATUSES,
  PHASES,
  QUANTITY_UNITS,
} from '@jointops/shared/domain';
import { ERROR_CODES } from '@jointops/shared/errors';
import { PROBLEM_KEYS, type ProblemKey } from '@jointops/shared/problems';
import { EVENT_CATALOGUE, type EventType } from '../journal/event-catalogue';
import { builder } from './builder';

// Enums more than one module speaks: operations (acknowledgement deadlines by severity), alerts and
// results, and every field error (FieldError's phase, unit, severity…). Here, below every module,
// none of them has to import another for its vocabulary.

export const AlertSeverityEnum = builder.enumType('AlertSeverity', { values: ALERT_SEVERITIES });
export const AlertCategoryEnum = builder.enumType('AlertCategory', { values: ALERT_CATEGORIES });
export const MarkingEnum = builder.enumType('Marking', {
  description:
    'Traffic Light Protocol 2.0 handling marking, least to most restrictive. Who may read an alert is its distribution (need-to-know); the marking says how far its readers may pass it on, and so what leaves the system in an export (`csv(maxMarking)`).',
  values: {
    CLEAR: { description: 'TLP:CLEAR: no restriction on sharing.' },
    GREEN: { description: 'TLP:GREEN: the community (the operation), not public.' },
    AMBER: {
      description: "TLP:AMBER: the recipients' organisations, on a need-to-know basis. The highest marking an export carries unless asked.",
    },
    AMBER_STRICT: { description: 'TLP:AMBER+STRICT: the recipient organisation only. Exported only when `maxMarking` asks for it.' },
    RED: {
      description:
        'TLP:RED: named recipients only, no further sharing. A RED alert must be RESTRICTED to the agencies it names (raiseAlert refuses ALL_PARTICIPANTS with a ValidationError on `distribution`), so it exists only for its originator and those agencies, in reads, the live stream and replay; and it is never exported, not even its reference, whatever `maxMarking` asks.',
    },
  } satisfies Record<Marking, { description: string }>,
});
export const DistributionKindEnum = builder.enumType('DistributionKind', { values: DISTRIBUTION_KINDS });
export const AlertOutcomeEnum = builder.enumType('AlertOutcome', { values: ALERT_OUTCOMES });

// Codes the schema answers with that used to be Strings: the shared constants (or the journal's
// catalogue) are each enum's values, so a value added there is a value of the enum.

export const ErrorCodeEnum = builder.enumType('ErrorCode', {
  description: 'What went wrong, for clients to branch on (never on the message). Also `extensions.code` of top-level errors.',
  values: Object.values(ERROR_CODES),
});
export const OperationEventTypeEnum = builder.enumType('OperationEventType', {
  description: 'The type of a stored event (and RESYNC_REQUIRED, which the stream says to one subscriber).',
  values: Object.keys(EVENT_CATALOGUE) as EventType[],
});
export const ParticipationStatusEnum = builder.enumType('ParticipationStatus', { values: PARTICIPATION_STATUSES });
export const CommodityCategoryEnum = builder.enumType('CommodityCategory', { values: COMMODITY_CATEGORIES });
export const LocaleEnum = builder.enumType('Locale', {
  description: 'The language of server texts, commodity names and exports.',
  values: LOCALES,
});
export const AuditOutcomeEnum = builder.enumType('AuditOutcome', {
  description: 'Whether the audited action took effect.',
  values: AUDIT_OUTCOMES,
});
export const PhaseEnum = builder.enumType('Phase', { values: PHASES });
export const QuantityUnitEnum = builder.enumType('QuantityUnit', { values: QUANTITY_UNITS });
export const ProblemKeyEnum = builder.enumType('ProblemKey', {
  description: 'What is wrong with a field (FieldError.key): a bound, a format, or the rule of the domain it breaks.',
  values: Object.fromEntries(
    PROBLEM_KEYS.map((key) => [key, key === 'OTHER' ? { deprecationReason: 'Every refusal now names its own key.' } : {}]),
  ) as Record<ProblemKey, { deprecationReason?: string }>,
});
