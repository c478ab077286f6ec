import type { IntlShape, MessageDescriptor } from 'react-intl';
import { defineMessages } from '../../i18n/define-messages';

// The audit trail names each attempt by the API's mutation (`action`) and what it was on
// (`targetType`); here they are in words. A name the server starts using later still shows,
// as itself, behind a sentence that says it is not described yet.

/** Every action the server audits (grep "action: '" in server/src), as a reader would say it. */
export const actionWords = defineMessages({
  createOperation: { id: 'audit.action.createOperation', defaultMessage: 'Create the operation' },
  updateOperation: { id: 'audit.action.updateOperation', defaultMessage: 'Change the plan' },
  advancePhase: { id: 'audit.action.advancePhase', defaultMessage: 'Change the phase' },
  recordFinalReport: { id: 'audit.action.recordFinalReport', defaultMessage: 'Record the final report' },
  inviteAgency: { id: 'audit.action.inviteAgency', defaultMessage: 'Invite an agency' },
  respondToInvitation: { id: 'audit.action.respondToInvitation', defaultMessage: 'Answer the invitation' },
  withdrawParticipation: { id: 'audit.action.withdrawParticipation', defaultMessage: 'Withdraw an agency' },
  assignMember: { id: 'audit.action.assignMember', defaultMessage: 'Assign a member' },
  removeMember: { id: 'audit.action.removeMember', defaultMessage: 'Remove a member' },
  raiseAlert: { id: 'audit.action.raiseAlert', defaultMessage: 'Raise an alert' },
  acknowledgeAlert: { id: 'audit.action.acknowledgeAlert', defaultMessage: 'Acknowledge an alert' },
  giveAlertFeedback: { id: 'audit.action.giveAlertFeedback', defaultMessage: 'Give feedback on an alert' },
  commentOnAlert: { id: 'audit.action.commentOnAlert', defaultMessage: 'Comment on an alert' },
  escalateOverdueAlert: { id: 'audit.action.escalateOverdueAlert', defaultMessage: 'Mark an alert overdue' },
  reportSeizure: { id: 'audit.action.reportSeizure', defaultMessage: 'Report a seizure' },
  submitSeizure: { id: 'audit.action.submitSeizure', defaultMessage: 'Send a seizure report for verification' },
  correctSeizure: { id: 'audit.action.correctSeizure', defaultMessage: 'Correct a seizure report' },
  verifySeizure: { id: 'audit.action.verifySeizure', defaultMessage: 'Verify a seizure report' },
  rejectSeizure: { id: 'audit.action.rejectSeizure', defaultMessage: 'Reject a seizure report' },
  importSeizures: { id: 'audit.action.importSeizures', defaultMessage: 'Import seizure reports' },
  recordLicitShipmentsChecked: { id: 'audit.action.recordLicitShipmentsChecked', defaultMessage: 'Record licit shipments checked' },
  recordDatabaseChecks: { id: 'audit.action.recordDatabaseChecks', defaultMessage: 'Record database checks' },
  login: { id: 'audit.action.login', defaultMessage: 'Sign in' },
  logout: { id: 'audit.action.logout', defaultMessage: 'Sign out' },
  createUser: { id: 'audit.action.createUser', defaultMessage: 'Create an account' },
  updateUser: { id: 'audit.action.updateUser', defaultMessage: 'Change an account' },
  deactivateUser: { id: 'audit.action.deactivateUser', defaultMessage: 'Deactivate an account' },
  reactivateUser: { id: 'audit.action.reactivateUser', defaultMessage: 'Reactivate an account' },
  resetUserPassword: { id: 'audit.action.resetUserPassword', defaultMessage: 'Reset a password' },
  changeMyPassword: { id: 'audit.action.changeMyPassword', defaultMessage: 'Change their own password' },
  updateMyPreferences: { id: 'audit.action.updateMyPreferences', defaultMessage: 'Change their own language or time zone' },
  createAgency: { id: 'audit.action.createAgency', defaultMessage: 'Add an agency' },
  updateAgency: { id: 'audit.action.updateAgency', defaultMessage: 'Change an agency' },
  deactivateAgency: { id: 'audit.action.deactivateAgency', defaultMessage: 'Deactivate an agency' },
  reactivateAgency: { id: 'audit.action.reactivateAgency', defaultMessage: 'Reactivate an agency' },
});

/** What an attempt was on, by the type the server records. */
export const targetWords = defineMessages({
  Operation: { id: 'audit.target.Operation', defaultMessage: 'Operation' },
  Participation: { id: 'audit.target.Participation', defaultMessage: 'Participation' },
  OperationMember: { id: 'audit.target.OperationMember', defaultMessage: 'Member' },
  Alert: { id: 'audit.target.Alert', defaultMessage: 'Alert' },
  Seizure: { id: 'audit.target.Seizure', defaultMessage: 'Seizure report' },
  LicitShipmentCheck: { id: 'audit.target.LicitShipmentCheck', defaultMessage: 'Licit shipments checked' },
  DatabaseCheck: { id: 'audit.target.DatabaseCheck', defaultMessage: 'Database checks' },
  Agency: { id: 'audit.target.Agency', defaultMessage: 'Agency' },
  User: { id: 'audit.target.User', defaultMessage: 'Account' },
});

/** Why an attempt was refused, by the error code that starts the recorded reason. */
export const refusalWords = defineMessages({
  FORBIDDEN: { id: 'audit.refusal.FORBIDDEN', defaultMessage: 'Not allowed for their role' },
  UNAUTHENTICATED: { id: 'audit.refusal.UNAUTHENTICATED', defaultMessage: 'Not signed in' },
  NOT_FOUND: { id: 'audit.refusal.NOT_FOUND', defaultMessage: 'Not found, or not theirs to see' },
  VALIDATION: { id: 'audit.refusal.VALIDATION', defaultMessage: 'Values refused' },
  CONFLICT: { id: 'audit.refusal.CONFLICT', defaultMessage: 'In conflict with the current state' },
  PHASE_GATE: { id: 'audit.refusal.PHASE_GATE', defaultMessage: 'Phase criteria not met' },
  PHASE_RULE: { id: 'audit.refusal.PHASE_RULE', defaultMessage: 'Not possible in this phase' },
  IMPORT_REJECTED: { id: 'audit.refusal.IMPORT_REJECTED', defaultMessage: 'File refused' },
  IMPORT_TOO_LARGE: { id: 'audit.refusal.IMPORT_TOO_LARGE', defaultMessage: 'File too large' },
  INVALID_CREDENTIALS: { id: 'audit.refusal.INVALID_CREDENTIALS', defaultMessage: 'Wrong e-mail address or password' },
  TOO_MANY_ATTEMPTS: { id: 'audit.refusal.TOO_MANY_ATTEMPTS', defaultMessage: 'Too many attempts' },
  INTERNAL: { id: 'audit.refusal.INTERNAL', defaultMessage: 'Failed unexpectedly; nothing was changed' },
});

const fallback = defineMessages({
  action: { id: 'audit.action.unknown', defaultMessage: 'Other action ({action})' },
  target: { id: 'audit.target.unknown', defaultMessage: 'Other ({type})' },
  refusal: { id: 'audit.refusal.unknown', defaultMessage: 'Refused by the server' },
});

const pick = <Words extends Record<string, MessageDescriptor>>(table: Words, key: string): MessageDescriptor | undefined =>
  Object.hasOwn(table, key) ? table[key as keyof Words] : undefined;

export function actionName(intl: IntlShape, action: string): string {
  const known = pick(actionWords, action);
  return known ? intl.formatMessage(known) : intl.formatMessage(fallback.action, { action });
}

export function targetName(intl: IntlShape, targetType: string): string {
  const known = pick(targetWords, targetType);
  return known ? intl.formatMessage(known) : intl.formatMessage(fallback.target, { type: targetType });
}

/**
 * A refusal as recorded ("PHASE_GATE: The operation cannot move on yet…"): the code in words,
 * and the server's own sentence, which stays as recorded (it is the record).
 */
export function refusalOf(intl: IntlShape, reason: string | null): { words: string; recorded: string | null } {
  const match = reason ? /^([A-Z_]+): ?([\s\S]*)$/.exec(reason) : null;
  const known = match ? pick(refusalWords, match[1]!) : undefined;
  return {
    words: intl.formatMessage(known ?? fallback.refusal),
    recorded: (match ? match[2] : reason) || null,
  };
}
