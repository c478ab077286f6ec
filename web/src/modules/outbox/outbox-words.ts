import { defineMessages } from '../../i18n/define-messages';
import type { Problem } from '../../i18n/say';
import type { OutboxWrite, WriteKind } from './outbox-writes';

export const outboxWords = defineMessages({
  open: { id: 'outbox.open', defaultMessage: 'Outbox: {waiting, plural, one {# waiting} other {# waiting}}' },
  openWithRefused: {
    id: 'outbox.openWithRefused',
    defaultMessage: 'Outbox: {waiting, plural, one {# waiting} other {# waiting}}, {refused, plural, one {# refused} other {# refused}}',
  },
  heading: { id: 'outbox.heading', defaultMessage: 'Outbox' },
  explain: {
    id: 'outbox.explain',
    defaultMessage:
      'What you wrote while the link was down. It is kept in this browser for your account only and sent once, in this order, as soon as the link is back.',
  },
  empty: { id: 'outbox.empty', defaultMessage: 'Nothing is waiting to be sent.' },
  close: { id: 'outbox.close', defaultMessage: 'Close the outbox' },
  list: { id: 'outbox.list', defaultMessage: 'Writes waiting to be sent, oldest first' },
  waiting: { id: 'outbox.waiting', defaultMessage: 'Waiting to send' },
  sending: { id: 'outbox.sending', defaultMessage: 'Sending…' },
  refused: { id: 'outbox.refused', defaultMessage: 'Refused by the server: {reason}' },
  refusedHint: { id: 'outbox.refusedHint', defaultMessage: 'Correct it and send it again, or discard it.' },
  refusedHintAsIs: { id: 'outbox.refusedHintAsIs', defaultMessage: 'Send it again, or discard it.' },
  refusedFileForGood: {
    id: 'outbox.refusedFileForGood',
    defaultMessage:
      'The server will not take {file}, however often it is sent. Remove it to send the report’s other files{submit, select, true { and then submit the report} other {}}, or discard what is left here: the report stays your agency’s draft.',
  },
  removeFile: { id: 'outbox.removeFile', defaultMessage: 'Remove {file}' },
  removeFileOne: { id: 'outbox.removeFileOne', defaultMessage: 'Remove {file} from: {what}' },
  madeAt: { id: 'outbox.madeAt', defaultMessage: 'Written' },
  edit: { id: 'outbox.edit', defaultMessage: 'Edit' },
  save: { id: 'outbox.save', defaultMessage: 'Save and send' },
  cancel: { id: 'outbox.cancel', defaultMessage: 'Cancel' },
  retry: { id: 'outbox.retry', defaultMessage: 'Send again' },
  discard: { id: 'outbox.discard', defaultMessage: 'Discard' },
  discardOne: { id: 'outbox.discardOne', defaultMessage: 'Discard: {what}' },
  editOne: { id: 'outbox.editOne', defaultMessage: 'Edit: {what}' },
  retryOne: { id: 'outbox.retryOne', defaultMessage: 'Send again: {what}' },
  title: { id: 'outbox.field.title', defaultMessage: 'Title' },
  description: { id: 'outbox.field.description', defaultMessage: 'Description' },
  body: { id: 'outbox.field.body', defaultMessage: 'Comment' },
  note: { id: 'outbox.field.note', defaultMessage: 'Note' },
  waitingHere: { id: 'outbox.waitingHere', defaultMessage: 'Waiting to send, as soon as the link is back' },
  refusedHere: { id: 'outbox.refusedHere', defaultMessage: 'Refused when it was sent: {reason} — see the outbox.' },
  waitingHereList: { id: 'outbox.waitingHereList', defaultMessage: 'Your writes not sent yet' },
});

const kindWords = defineMessages({
  raiseAlert: { id: 'outbox.kind.raiseAlert', defaultMessage: 'New alert' },
  acknowledgeAlert: { id: 'outbox.kind.acknowledgeAlert', defaultMessage: 'Acknowledgement' },
  giveAlertFeedback: { id: 'outbox.kind.giveAlertFeedback', defaultMessage: 'Feedback' },
  commentOnAlert: { id: 'outbox.kind.commentOnAlert', defaultMessage: 'Comment' },
  reportSeizure: { id: 'outbox.kind.reportSeizure', defaultMessage: 'Seizure report' },
} satisfies Record<WriteKind, unknown>);

const aboutWords = defineMessages({
  raiseAlert: { id: 'outbox.about.raiseAlert', defaultMessage: '{kind} in {operation}: {title}' },
  onAlert: { id: 'outbox.about.onAlert', defaultMessage: '{kind} on {alert}' },
  reportSeizure: { id: 'outbox.about.reportSeizure', defaultMessage: '{kind} in {operation}: {place}' },
  reportSeizureWithFiles: {
    id: 'outbox.about.reportSeizureWithFiles',
    defaultMessage: '{kind} in {operation}: {place}, with {count, plural, one {# file} other {# files}}',
  },
});

/** A write named for the outbox: what it is, and where it was made. */
export function writeLabel(write: OutboxWrite): Problem {
  const kind = { message: kindWords[write.kind] };
  if (write.kind === 'raiseAlert')
    return {
      message: aboutWords.raiseAlert,
      values: { kind, operation: write.about?.operationCode ?? '', title: write.input.title },
    };
  if (write.kind === 'reportSeizure') {
    const values = { kind, operation: write.about?.operationCode ?? '', place: write.input.place };
    const files = write.files ?? [];
    if (files.length === 0) return { message: aboutWords.reportSeizure, values };
    return { message: aboutWords.reportSeizureWithFiles, values: { ...values, count: files.length } };
  }
  const alert = [write.about?.alertReference, write.about?.alertTitle].filter(Boolean).join(' — ');
  return { message: aboutWords.onAlert, values: { kind, alert } };
}
