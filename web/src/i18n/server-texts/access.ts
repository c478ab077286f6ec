import { alertCategoryWords, memberRoleWords, phaseWords } from '../codes';
import { defineMessages } from '../define-messages';
import type { ServerText } from '../server-texts';

// Refusals of the same three kinds in every domain (server/src/domain-errors.ts): what a role does
// not allow, what a phase does not allow, and what cannot be found. Each names the action or the
// thing in a phrase the services pass in; the phrases are listed here, each with its words.

const words = defineMessages({
  signInFirst: { id: 'serverText.access.signInFirst', defaultMessage: 'Sign in first.' },
  changePasswordFirst: { id: 'serverText.access.changePasswordFirst', defaultMessage: 'Choose a new password first.' },
  forbidden: { id: 'serverText.access.forbidden', defaultMessage: 'Your role in this operation does not allow you to {action}.' },
  phaseRule: { id: 'serverText.access.phaseRule', defaultMessage: '{activity} is not possible in the {phase} phase.' },
  notFound: { id: 'serverText.access.notFound', defaultMessage: '{thing} not found: it does not exist, or you may not see it.' },
});

// After "does not allow you to". In French each phrase carries its own « de » or « d’ », which
// depends on the word after it.
const action = defineMessages({
  reportSeizures: { id: 'serverText.access.action.reportSeizures', defaultMessage: 'report seizures' },
  importSeizures: { id: 'serverText.access.action.importSeizures', defaultMessage: 'import seizures' },
  submitSeizure: { id: 'serverText.access.action.submitSeizure', defaultMessage: 'submit this seizure report' },
  correctSeizure: { id: 'serverText.access.action.correctSeizure', defaultMessage: 'correct this seizure report' },
  verifySeizure: { id: 'serverText.access.action.verifySeizure', defaultMessage: 'verify this seizure report' },
  rejectSeizure: { id: 'serverText.access.action.rejectSeizure', defaultMessage: 'reject this seizure report' },
  changePhase: { id: 'serverText.access.action.changePhase', defaultMessage: 'change the phase' },
  recordFinalReport: { id: 'serverText.access.action.recordFinalReport', defaultMessage: 'record the final report' },
  inviteAgencies: { id: 'serverText.access.action.inviteAgencies', defaultMessage: 'invite agencies' },
  answerInvitation: { id: 'serverText.access.action.answerInvitation', defaultMessage: 'answer this invitation' },
  withdrawAgency: { id: 'serverText.access.action.withdrawAgency', defaultMessage: 'withdraw this agency' },
  editOperation: { id: 'serverText.access.action.editOperation', defaultMessage: 'edit the operation' },
  assignMembers: { id: 'serverText.access.action.assignMembers', defaultMessage: 'assign members' },
  assignAs: { id: 'serverText.access.action.assignAs', defaultMessage: 'assign this person as {role}' },
  removeMembers: { id: 'serverText.access.action.removeMembers', defaultMessage: 'remove members' },
  removeMember: { id: 'serverText.access.action.removeMember', defaultMessage: 'remove this member' },
  raiseAlerts: { id: 'serverText.access.action.raiseAlerts', defaultMessage: 'raise alerts' },
  acknowledgeAlert: { id: 'serverText.access.action.acknowledgeAlert', defaultMessage: 'acknowledge this alert for your agency' },
  giveFeedback: { id: 'serverText.access.action.giveFeedback', defaultMessage: 'give feedback on this alert' },
  commentOnAlert: { id: 'serverText.access.action.commentOnAlert', defaultMessage: 'comment on this alert' },
  amendAlert: { id: 'serverText.access.action.amendAlert', defaultMessage: 'amend this alert' },
  withdrawAlert: { id: 'serverText.access.action.withdrawAlert', defaultMessage: 'withdraw this alert' },
  recordShipments: { id: 'serverText.access.action.recordShipments', defaultMessage: 'record licit shipments checked' },
  recordDatabaseChecks: { id: 'serverText.access.action.recordDatabaseChecks', defaultMessage: 'record database checks' },
  addFilesToAlert: { id: 'serverText.access.action.addFilesToAlert', defaultMessage: 'add files to this alert' },
  addFilesToSeizure: { id: 'serverText.access.action.addFilesToSeizure', defaultMessage: 'add files to this seizure report' },
});

const activity = defineMessages({
  recordingChecks: { id: 'serverText.access.activity.recordingChecks', defaultMessage: 'Recording checks' },
  changingPhase: { id: 'serverText.access.activity.changingPhase', defaultMessage: 'Changing the phase' },
  recordingFinalReport: { id: 'serverText.access.activity.recordingFinalReport', defaultMessage: 'Recording the final report' },
  reportingSeizure: { id: 'serverText.access.activity.reportingSeizure', defaultMessage: 'Reporting a seizure' },
  submittingSeizure: { id: 'serverText.access.activity.submittingSeizure', defaultMessage: 'Submitting a seizure report' },
  correctingSeizure: { id: 'serverText.access.activity.correctingSeizure', defaultMessage: 'Correcting a seizure report' },
  importingSeizures: { id: 'serverText.access.activity.importingSeizures', defaultMessage: 'Importing seizures' },
  reviewingSeizure: { id: 'serverText.access.activity.reviewingSeizure', defaultMessage: 'Reviewing a seizure report' },
  invitingAgency: { id: 'serverText.access.activity.invitingAgency', defaultMessage: 'Inviting an agency' },
  answeringInvitation: { id: 'serverText.access.activity.answeringInvitation', defaultMessage: 'Answering an invitation' },
  withdrawingAgency: { id: 'serverText.access.activity.withdrawingAgency', defaultMessage: 'Withdrawing an agency' },
  editingOperation: { id: 'serverText.access.activity.editingOperation', defaultMessage: 'Editing the operation' },
  assigningMember: { id: 'serverText.access.activity.assigningMember', defaultMessage: 'Assigning a member' },
  removingMember: { id: 'serverText.access.activity.removingMember', defaultMessage: 'Removing a member' },
  addingCommodity: { id: 'serverText.access.activity.addingCommodity', defaultMessage: 'Adding a commodity' },
  raisingAlert: { id: 'serverText.access.activity.raisingAlert', defaultMessage: 'Raising a “{category}” alert' },
  acknowledgingAlert: { id: 'serverText.access.activity.acknowledgingAlert', defaultMessage: 'Acknowledging an alert' },
  givingFeedback: { id: 'serverText.access.activity.givingFeedback', defaultMessage: 'Giving feedback on an alert' },
  commentingOnAlert: { id: 'serverText.access.activity.commentingOnAlert', defaultMessage: 'Commenting on an alert' },
  addingFileToAlert: { id: 'serverText.access.activity.addingFileToAlert', defaultMessage: 'Adding a file to an alert' },
  addingFileToSeizure: { id: 'serverText.access.activity.addingFileToSeizure', defaultMessage: 'Adding a file to a seizure report' },
  amendingAlert: { id: 'serverText.access.activity.amendingAlert', defaultMessage: 'Amending an alert' },
  withdrawingAlert: { id: 'serverText.access.activity.withdrawingAlert', defaultMessage: 'Withdrawing an alert' },
});

const thing = defineMessages({
  Agency: { id: 'serverText.access.thing.Agency', defaultMessage: 'Agency' },
  User: { id: 'serverText.access.thing.User', defaultMessage: 'User account' },
  Operation: { id: 'serverText.access.thing.Operation', defaultMessage: 'Operation' },
  Alert: { id: 'serverText.access.thing.Alert', defaultMessage: 'Alert' },
  Seizure: { id: 'serverText.access.thing.Seizure', defaultMessage: 'Seizure report' },
  Attachment: { id: 'serverText.access.thing.Attachment', defaultMessage: 'File' },
});

/** A phrase the services pass as it is (none holds a character special in a RegExp). */
const fixed = (phrase: string) => new RegExp(`^${phrase}$`);

const ACTIONS: readonly ServerText[] = [
  { pattern: fixed('report seizures'), message: action.reportSeizures },
  { pattern: fixed('import seizures'), message: action.importSeizures },
  { pattern: fixed('submit this seizure report'), message: action.submitSeizure },
  { pattern: fixed('correct this seizure report'), message: action.correctSeizure },
  { pattern: fixed('verify this seizure report'), message: action.verifySeizure },
  { pattern: fixed('reject this seizure report'), message: action.rejectSeizure },
  { pattern: fixed('change the phase'), message: action.changePhase },
  { pattern: fixed('record the final report'), message: action.recordFinalReport },
  { pattern: fixed('invite agencies'), message: action.inviteAgencies },
  { pattern: fixed('answer this invitation'), message: action.answerInvitation },
  { pattern: fixed('withdraw this agency'), message: action.withdrawAgency },
  { pattern: fixed('edit the operation'), message: action.editOperation },
  { pattern: fixed('assign members'), message: action.assignMembers },
  { pattern: /^assign this person as (?<role>[A-Z_]+)$/, message: action.assignAs, values: { role: memberRoleWords } },
  { pattern: fixed('remove members'), message: action.removeMembers },
  { pattern: fixed('remove this member'), message: action.removeMember },
  { pattern: fixed('raise alerts'), message: action.raiseAlerts },
  { pattern: fixed('acknowledge this alert for your agency'), message: action.acknowledgeAlert },
  { pattern: fixed('give feedback on this alert'), message: action.giveFeedback },
  { pattern: fixed('comment on this alert'), message: action.commentOnAlert },
  { pattern: fixed('amend this alert'), message: action.amendAlert },
  { pattern: fixed('withdraw this alert'), message: action.withdrawAlert },
  { pattern: fixed('record licit shipments checked'), message: action.recordShipments },
  { pattern: fixed('record database checks'), message: action.recordDatabaseChecks },
  { pattern: fixed('add files to this alert'), message: action.addFilesToAlert },
  { pattern: fixed('add files to this seizure report'), message: action.addFilesToSeizure },
];

const ACTIVITIES: readonly ServerText[] = [
  { pattern: fixed('Recording checks'), message: activity.recordingChecks },
  { pattern: fixed('Changing the phase'), message: activity.changingPhase },
  { pattern: fixed('Recording the final report'), message: activity.recordingFinalReport },
  { pattern: fixed('Reporting a seizure'), message: activity.reportingSeizure },
  { pattern: fixed('Submitting a seizure report'), message: activity.submittingSeizure },
  { pattern: fixed('Correcting a seizure report'), message: activity.correctingSeizure },
  { pattern: fixed('Importing seizures'), message: activity.importingSeizures },
  { pattern: fixed('Reviewing a seizure report'), message: activity.reviewingSeizure },
  { pattern: fixed('Inviting an agency'), message: activity.invitingAgency },
  { pattern: fixed('Answering an invitation'), message: activity.answeringInvitation },
  { pattern: fixed('Withdrawing an agency'), message: activity.withdrawingAgency },
  { pattern: fixed('Editing the operation'), message: activity.editingOperation },
  { pattern: fixed('Assigning a member'), message: activity.assigningMember },
  { pattern: fixed('Removing a member'), message: activity.removingMember },
  { pattern: fixed('Adding a commodity'), message: activity.addingCommodity },
  { pattern: /^Raising an? (?<category>[A-Z_]+) alert$/, message: activity.raisingAlert, values: { category: alertCategoryWords } },
  { pattern: fixed('Acknowledging an alert'), message: activity.acknowledgingAlert },
  { pattern: fixed('Giving feedback on an alert'), message: activity.givingFeedback },
  { pattern: fixed('Commenting on an alert'), message: activity.commentingOnAlert },
  { pattern: fixed('Adding a file to an alert'), message: activity.addingFileToAlert },
  { pattern: fixed('Adding a file to a seizure report'), message: activity.addingFileToSeizure },
  { pattern: fixed('Amending an alert'), message: activity.amendingAlert },
  { pattern: fixed('Withdrawing an alert'), message: activity.withdrawingAlert },
];

export const accessTexts: readonly ServerText[] = [
  { pattern: /^Choose a new password first\.$/, message: words.changePasswordFirst },
  // Said to someone not signed in, whose role is not the point.
  { pattern: /^Your role in this operation does not allow you to do this without signing in\.$/, message: words.signInFirst },
  { pattern: /^Your role in this operation does not allow you to (?<action>.+)\.$/, message: words.forbidden, values: { action: ACTIONS } },
  {
    pattern: /^(?<activity>.+) is not possible while the operation is (?<phase>[A-Z_]+)\.$/,
    message: words.phaseRule,
    values: { activity: ACTIVITIES, phase: phaseWords },
  },
  { pattern: /^(?<thing>\w+) not found\.$/, message: words.notFound, values: { thing } },
];
