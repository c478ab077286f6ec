import type { SeizureStatus } from '@jointops/shared/domain';
import { canCommentOnAlert, type AlertAudience } from '../alerts/alerts.policy';
import type { Standing } from '../operations/operations.policy';
import { canAmendSeizure, type SeizureAudience } from '../seizures/seizures.policy';

// Who may add a file, in one place. Who may SEE one is never decided here: a file has exactly the
// audience of the alert or seizure report it is attached to, and every read of it goes through
// that parent's need-to-know condition (attachments.repo.ts).

/** A file on an alert is part of its discussion: whoever may comment on the alert may add one. */
export const canAttachToAlert = (standing: Standing, alert: AlertAudience): boolean => canCommentOnAlert(standing, alert);

/** A file on a seizure report is part of the report: its agency adds it, as it corrects the report. */
export const canAttachToSeizure = (standing: Standing, seizure: SeizureAudience): boolean => canAmendSeizure(standing, seizure);

/**
 * A report takes files while it can still be corrected (a draft, or a rejected report): what was
 * submitted is what the reviewers verify, so it does not change under them.
 */
export const seizureTakesFiles = (status: SeizureStatus): boolean => status === 'DRAFT' || status === 'REJECTED';
