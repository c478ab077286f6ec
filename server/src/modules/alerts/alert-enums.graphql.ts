import { ALERT_CATEGORIES, ALERT_OUTCOMES, ALERT_SEVERITIES, DISTRIBUTION_KINDS, MARKINGS } from '@jointops/shared/domain';
import { builder } from '../../graphql/builder';

// The alert vocabulary on its own, so that operations (acknowledgement deadlines by severity) can
// use it without depending on the alerts module, which depends on operations.

export const AlertSeverityEnum = builder.enumType('AlertSeverity', { values: ALERT_SEVERITIES });
export const AlertCategoryEnum = builder.enumType('AlertCategory', { values: ALERT_CATEGORIES });
export const MarkingEnum = builder.enumType('Marking', { values: MARKINGS, description: 'Traffic Light Protocol 2.0 handling marking.' });
export const DistributionKindEnum = builder.enumType('DistributionKind', { values: DISTRIBUTION_KINDS });
export const AlertOutcomeEnum = builder.enumType('AlertOutcome', { values: ALERT_OUTCOMES });
