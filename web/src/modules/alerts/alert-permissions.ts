import type { Phase } from '@jointops/shared/domain';
import type { OperationHeader } from '../operations/operation-context';
import { isOpen } from '../operations/operation-context';

// What the screens offer, by the server's rules (server/src/modules/alerts/alerts.policy.ts): an
// action the viewer may not take is not offered, and one refused anyway is said in words.

interface AlertFacts {
  raisedByAgency: { id: string };
  recipients: readonly { agency: { id: string } }[];
  withdrawnAt?: string | null;
}

/** Contact points act for their agency, and coordinators for theirs. */
export const actsForAgency = (operation: Pick<OperationHeader, 'myRole'>): boolean =>
  operation.myRole === 'CONTACT_POINT' || operation.myRole === 'COORDINATOR';

/** Live alerts are for the operational phase; before it, only the readiness test (a TEST alert). */
export const mayRaiseIn = (phase: Phase | string, category?: string): boolean =>
  phase === 'OPERATIONAL' || (phase === 'PRE_OPERATIONAL' && (category === undefined || category === 'TEST'));

export const mayRaise = (operation: OperationHeader): boolean => actsForAgency(operation) && mayRaiseIn(operation.phase);

/** A recipient agency acknowledges and answers, while the alert stands and the operation is open. */
export const mayAnswer = (operation: OperationHeader, agencyId: string, alert: AlertFacts): boolean =>
  actsForAgency(operation) &&
  isOpen(operation) &&
  !alert.withdrawnAt &&
  alert.recipients.some((recipient) => recipient.agency.id === agencyId);

/** Only the originating agency corrects or withdraws its alert. */
export const mayAmend = (operation: OperationHeader, agencyId: string, alert: AlertFacts): boolean =>
  actsForAgency(operation) && isOpen(operation) && !alert.withdrawnAt && alert.raisedByAgency.id === agencyId;

/** Whoever sees an alert may discuss it while the operation is open. */
export const mayComment = (operation: OperationHeader): boolean => isOpen(operation);
