import { defineMessages } from '../../i18n/define-messages';

// The reviewer's queue's own words; statuses, methods, units and places are in i18n/codes.ts.

export const reviewWords = defineMessages({
  title: { id: 'review.title', defaultMessage: 'Reports awaiting verification' },
  intro: {
    id: 'review.intro',
    defaultMessage:
      'Check each report’s facts against what the reporting agency can show, then verify it, or reject it with the reason the agency needs to correct it. Only verified reports count in the results.',
  },
  readOnly: {
    id: 'review.readOnly',
    defaultMessage: 'Reviewers and coordinators verify these reports; you see what is waiting.',
  },
  waiting: {
    id: 'review.waiting',
    defaultMessage:
      '{count, plural, =0 {Nothing awaits verification} one {# report awaits verification} other {# reports await verification}}',
  },
  more: {
    id: 'review.more',
    defaultMessage:
      'The newest {shown} are shown: {more, plural, one {# older report waits} other {# older reports wait}} beyond them, and {more, plural, one {comes} other {come}} into the list as these are decided.',
  },
  empty: { id: 'review.empty', defaultMessage: 'No report awaits verification.' },
  emptyHint: { id: 'review.emptyHint', defaultMessage: 'Reports appear here as soon as an agency submits them.' },
  order: { id: 'review.order', defaultMessage: 'Order' },
  newestFirst: { id: 'review.order.newest', defaultMessage: 'Newest first' },
  oldestFirst: { id: 'review.order.oldest', defaultMessage: 'Oldest first' },
  caption: { id: 'review.caption', defaultMessage: 'Reports awaiting verification' },
  select: { id: 'review.select', defaultMessage: 'Select {reference}' },
  selection: { id: 'review.column.selection', defaultMessage: 'Selected' },
  selectAll: { id: 'review.selectAll', defaultMessage: 'Select every report shown' },
  verifySelected: {
    id: 'review.verifySelected',
    defaultMessage:
      '{count, plural, =0 {Verify the selected reports} one {Verify the selected report} other {Verify the # selected reports}}',
  },
  report: { id: 'review.column.report', defaultMessage: 'Report' },
  commodity: { id: 'review.column.commodity', defaultMessage: 'Commodity and quantity' },
  where: { id: 'review.column.where', defaultMessage: 'Where and how' },
  agency: { id: 'review.column.agency', defaultMessage: 'Reported by' },
  alerts: { id: 'review.column.alerts', defaultMessage: 'Linked alerts' },
  actions: { id: 'review.column.actions', defaultMessage: 'Decision' },
  noAlert: { id: 'review.noAlert', defaultMessage: 'None' },
  seizedAt: { id: 'review.seizedAt', defaultMessage: 'Seized {when}' },
  detection: { id: 'review.detection', defaultMessage: 'Detection: {method}' },
  transport: { id: 'review.transport', defaultMessage: 'Transport: {mode}' },
  concealment: { id: 'review.concealment', defaultMessage: 'Concealment: {concealment}' },
  verify: { id: 'review.verify', defaultMessage: 'Verify' },
  verifyOne: { id: 'review.verifyOne', defaultMessage: 'Verify {reference}' },
  reject: { id: 'review.reject', defaultMessage: 'Reject…' },
  rejectOne: { id: 'review.rejectOne', defaultMessage: 'Reject {reference}…' },
  reason: { id: 'review.reason', defaultMessage: 'Reason for rejecting {reference}' },
  reasonHint: { id: 'review.reasonHint', defaultMessage: 'The reporting agency reads it and corrects its report.' },
  confirmReject: { id: 'review.confirmReject', defaultMessage: 'Reject the report' },
  cancel: { id: 'review.cancel', defaultMessage: 'Cancel' },
  deciding: { id: 'review.deciding', defaultMessage: 'Sending…' },
  ownReport: { id: 'review.ownReport', defaultMessage: 'Your own report: another reviewer verifies it.' },
  outcomes: { id: 'review.outcomes', defaultMessage: 'What came of your last decision' },
  verified: { id: 'review.outcome.verified', defaultMessage: '{reference}: verified.' },
  rejected: { id: 'review.outcome.rejected', defaultMessage: '{reference}: rejected; the agency has been told why.' },
  refused: { id: 'review.outcome.refused', defaultMessage: '{reference}: not done. {problem}' },
});
