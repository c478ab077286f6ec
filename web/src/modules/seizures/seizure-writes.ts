import { correctSeizureInput, reportSeizureInput } from '@jointops/shared/seizures';
import { use, useState } from 'react';
import { useMutation } from 'urql';
import { describeError, problemsByField, problemWords } from '../../i18n/problems';
import { fieldWords } from '../../i18n/server-texts/fields';
import { browserRefusal, keyedBy, refusalOf, type Refusal } from '../alerts/alert-refusals';
import { useSession } from '../../shell/viewer-context';
import { OperationContext } from '../operations/operation-context';
import { useOutbox } from '../outbox/outbox-context';
import { outboxFileOf } from '../outbox/report-files';
import { CorrectSeizureMutation, SubmitSeizureMutation } from './seizure-documents';
import { contentOf, fieldKey, quantityOf, type SeizureDraft } from './seizure-draft';

// Reporting goes through the outbox with the draft's idempotency key, so a report made on a link
// that drops is kept and sent once when it is back. Submitting a draft and correcting a rejected
// report are decisions on the report as it stands now: they are sent directly, never later.

/** Not sent yet: kept in the outbox until the link is back. */
export type Waiting = 'waiting';

export type ReportAnswer = { refusal: Refusal } | { seizureId: string } | Waiting;

/** The refusal the answer holds, the report's own answers (`Seizure`) being none. */
const seizureRefusal = (...args: Parameters<typeof refusalOf>): Refusal | null =>
  args[1]?.__typename === 'Seizure' ? null : keyedBy(refusalOf(...args), fieldKey);

/**
 * The browser's refusal of the draft, its quantity worded for what was typed: the schema sees a
 * blank or a word as no number at all, where the reader sees a missing quantity or a mistyped one.
 */
function draftRefusal(issues: Parameters<typeof browserRefusal>[0], draft: SeizureDraft): Refusal {
  const refusal = keyedBy(browserRefusal(issues), fieldKey) ?? {};
  if (refusal.fields?.quantity && Number.isNaN(quantityOf(draft)))
    refusal.fields.quantity = { message: draft.quantity.trim() ? fieldWords.mustBeNumber : problemWords.required };
  return refusal;
}

export function useReportSeizure(): readonly [
  busy: boolean,
  report: (draft: SeizureDraft, submit: boolean, key: string) => Promise<ReportAnswer>,
] {
  const { submit: send } = useOutbox();
  const operation = use(OperationContext);
  const { timeZone } = useSession();
  const [busy, setBusy] = useState(false);
  const report = async (draft: SeizureDraft, submit: boolean, key: string): Promise<ReportAnswer> => {
    const input = { operationId: operation?.id ?? '', submit, ...contentOf(draft, timeZone) };
    const checked = reportSeizureInput.safeParse({ ...input, idempotencyKey: key });
    if (!checked.success) return { refusal: draftRefusal(checked.error.issues, draft) };
    setBusy(true);
    try {
      const outcome = await send({ kind: 'reportSeizure', input, about: { operationCode: operation?.code } }, key);
      if (outcome.kind === 'sent') return { seizureId: outcome.written.id };
      if (outcome.kind === 'waiting') return 'waiting';
      const { fieldErrors, ...error } = outcome.refusal;
      const refusal: Refusal = fieldErrors?.length ? { fields: problemsByField(fieldErrors) } : { problem: describeError(error) };
      return { refusal: keyedBy(refusal, fieldKey) ?? {} };
    } finally {
      setBusy(false);
    }
  };
  return [busy, report];
}

/**
 * What became of the files of a report that waits in the outbox: kept with it, to go once it is
 * made; not kept because the report went meanwhile without them; or not kept because this device
 * could not hold them (storage full, or the browser's storage or the file itself unreadable).
 */
export type FilesKept = 'kept' | 'reportWentWithout' | 'deviceCouldNotKeep';

/**
 * Keeps the files with a report that waits in the outbox (found by its draft key), to go once the
 * report is made, and the report to be submitted after them if asked. Where they cannot be kept,
 * the report still waits as a draft: it was queued before its files, and the user adds them from
 * its page once it is made rather than lose the report with them.
 */
export function useKeepFilesWithReport(): (key: string, files: readonly File[], submit: boolean) => Promise<FilesKept> {
  const { amendWaiting } = useOutbox();
  return async (key, files, submit) => {
    try {
      const kept = await Promise.all(files.map(outboxFileOf));
      const amended = await amendWaiting(key, (write) =>
        write.kind === 'reportSeizure' ? { ...write, files: kept, submitOnceFilesAdded: submit } : write,
      );
      return amended ? 'kept' : 'reportWentWithout';
    } catch {
      return 'deviceCouldNotKeep';
    }
  };
}

/** Sends a draft report to the reviewers. */
export function useSubmitSeizure(): readonly [busy: boolean, submit: (seizureId: string) => Promise<Refusal | null>] {
  const [{ fetching }, execute] = useMutation(SubmitSeizureMutation);
  const submit = async (seizureId: string) => {
    const result = await execute({ input: { seizureId } });
    return seizureRefusal(result.error, result.data?.submitSeizure);
  };
  return [fetching, submit];
}

/** A rejected report corrected by its reporter, which sends it back to the reviewers. */
export function useCorrectSeizure(): readonly [
  busy: boolean,
  correct: (seizureId: string, draft: SeizureDraft) => Promise<Refusal | null>,
] {
  const [{ fetching }, execute] = useMutation(CorrectSeizureMutation);
  const { timeZone } = useSession();
  const correct = async (seizureId: string, draft: SeizureDraft) => {
    const input = { seizureId, ...contentOf(draft, timeZone) };
    const checked = correctSeizureInput.safeParse(input);
    if (!checked.success) return draftRefusal(checked.error.issues, draft);
    const result = await execute({ input });
    return seizureRefusal(result.error, result.data?.correctSeizure);
  };
  return [fetching, correct];
}
