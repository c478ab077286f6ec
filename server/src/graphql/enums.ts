import { ALERT_CATEGORIES, ALERT_OUTCOMES, ALERT_SEVERITIES, DISTRIBUTION_KINDS, MARKINGS } from '@jointops/shared/domain';
import { builder } from './builder';

// Enums more than one module speaks: operations (acknowledgement deadlines by severity), alerts and
// results. Here, below every module, none of them has to import another for its vocabulary.

export const AlertSeverityEnum = builder.enumType('AlertSeverity', { values: ALERT_SEVERITIES });
export const AlertCategoryEnum = builder.enumType('AlertCategory', { values: ALERT_CATEGORIES });
export const MarkingEnum = builder.enumType('Marking', { values: MARKINGS, description: 'Traffic Light Protocol 2.0 handling marking.' });
export const DistributionKindEnum = builder.enumType('DistributionKind', { values: DISTRIBUTION_KINDS });
export const AlertOutcomeEnum = builder.enumType('AlertOutcome', { values: ALERT_OUTCOMES });
