import type { OperationHeader } from '../operations/operation-context';
import { actsForAgency } from '../alerts/alert-permissions';

// What the seizure screens offer, by the server's rules (server/src/modules/seizures): an action
// the viewer may not take is not offered, and one refused anyway is said in words.

/** Seizures are reported during the operational phase, and late ones after it. */
export const mayReportIn = (phase: string): boolean => phase === 'OPERATIONAL' || phase === 'POST_OPERATIONAL';

export const mayReport = (operation: OperationHeader): boolean => actsForAgency(operation) && mayReportIn(operation.phase);

interface SeizureFacts {
  status: string;
  reportingAgency: { id: string };
}

/** The reporting agency sends its draft to the reviewers, and corrects a report they sent back. */
export const mayWorkOn = (operation: OperationHeader, agencyId: string, seizure: SeizureFacts): boolean =>
  actsForAgency(operation) && mayReportIn(operation.phase) && seizure.reportingAgency.id === agencyId;

export const maySubmit = (operation: OperationHeader, agencyId: string, seizure: SeizureFacts): boolean =>
  seizure.status === 'DRAFT' && mayWorkOn(operation, agencyId, seizure);

export const mayCorrect = (operation: OperationHeader, agencyId: string, seizure: SeizureFacts): boolean =>
  (seizure.status === 'REJECTED' || seizure.status === 'DRAFT') && mayWorkOn(operation, agencyId, seizure);

/** A report takes files while it is the agency's own, as it takes corrections: the reviewers verify what they were sent. */
export const mayAddFiles = mayCorrect;
