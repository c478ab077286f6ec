import {
  amendAlertInput,
  amendedSubject,
  commentOnAlertInput,
  giveAlertFeedbackInput,
  raiseAlertInput,
  withdrawAlertInput,
} from '@jointops/shared/alerts';
import type { AlertOutcome } from '@jointops/shared/domain';
import { useMutation } from 'urql';
import { describeError, problemsByField, problemWords } from '../../i18n/problems';
import type { SubmitOutcome } from '../outbox/outbox';
import { AmendAlertMutation, WithdrawAlertMutation } from './alert-documents';
import { fieldKey, type raiseInputOf } from './alert-draft';
import { useOutboxWrite, type Waiting, type Write } from './outbox-write';
import { browserRefusal, keyedBy, refusalOf, type Refusal } from './alert-refusals';

// Each write on an alert is one function here: checked in the browser with the shared schema,
// then, for a raise, an acknowledgement, a feedback or a comment, handed to the outbox with the
// draft's key — sent at once when the link is up, kept to send later otherwise — and answered
// with the refusal in words, null once done, or `waiting`. Withdrawing and amending are decisions
// on the alert as it stands now: they are sent directly, never later.

export type { Waiting } from './outbox-write';

/** The refusal the outbox got back, in the words the alert's forms show. */
export function refusalOfOutcome(outcome: SubmitOutcome): Refusal | null | Waiting {
  if (outcome.kind === 'waiting') return 'waiting';
  if (outcome.kind === 'sent') return null;
  const { fieldErrors, ...error } = outcome.refusal;
  if (fieldErrors?.length) return { fields: problemsByField(fieldErrors) };
  return { problem: describeError(error) };
}

export interface FeedbackDraft {
  alertId: string;
  outcome: AlertOutcome | '';
  note: string;
  idempotencyKey: string;
}

export function useGiveAlertFeedback(): Write<FeedbackDraft, Refusal | null | Waiting> {
  const [busy, send] = useOutboxWrite();
  const give = async (draft: FeedbackDraft) => {
    const checked = giveAlertFeedbackInput.safeParse(draft);
    if (!checked.success) {
      const refusal = browserRefusal(checked.error.issues);
      // No outcome chosen is a missing answer, not a wrong one.
      if (refusal?.fields && !draft.outcome) refusal.fields.outcome = { message: problemWords.required };
      return refusal;
    }
    const { idempotencyKey, ...input } = checked.data;
    return refusalOfOutcome(await send({ kind: 'giveAlertFeedback', input }, idempotencyKey ?? undefined));
  };
  return [busy, give];
}

export interface CommentDraft {
  alertId: string;
  body: string;
  idempotencyKey: string;
}

export function useCommentOnAlert(): Write<CommentDraft, Refusal | null | Waiting> {
  const [busy, send] = useOutboxWrite();
  const comment = async (draft: CommentDraft) => {
    const checked = commentOnAlertInput.safeParse(draft);
    if (!checked.success) return browserRefusal(checked.error.issues);
    const { idempotencyKey, ...input } = checked.data;
    return refusalOfOutcome(await send({ kind: 'commentOnAlert', input }, idempotencyKey ?? undefined));
  };
  return [busy, comment];
}

export function useWithdrawAlert(): Write<{ alertId: string; reason: string }> {
  const [{ fetching }, execute] = useMutation(WithdrawAlertMutation);
  const withdraw = async (draft: { alertId: string; reason: string }) => {
    const checked = withdrawAlertInput.safeParse(draft);
    if (!checked.success) return browserRefusal(checked.error.issues);
    const result = await execute({ input: checked.data });
    return refusalOf(result.error, result.data?.withdrawAlert);
  };
  return [fetching, withdraw];
}

export type RaiseInput = ReturnType<typeof raiseInputOf>;

/**
 * Raises an alert once: the draft's idempotency key goes with it, every time the outbox sends it,
 * so a retry after a lost answer returns the alert first raised instead of a second one.
 */
export function useRaiseAlert(): readonly [
  busy: boolean,
  raise: (input: RaiseInput) => Promise<{ refusal: Refusal } | { alertId: string } | Waiting>,
] {
  const [busy, send] = useOutboxWrite();
  const raise = async (input: RaiseInput) => {
    const checked = raiseAlertInput.safeParse(input);
    if (!checked.success) {
      // The schema checks the subject only once the rest holds; the form says everything at once.
      const subject = amendedSubject(input.category, undefined, input.typedSubject);
      const issues = [...checked.error.issues, ...('issues' in subject ? subject.issues : [])];
      return { refusal: keyedBy(browserRefusal(issues), fieldKey)! };
    }
    const { idempotencyKey, ...unkeyed } = input;
    const outcome = await send({ kind: 'raiseAlert', input: unkeyed }, idempotencyKey);
    if (outcome.kind === 'sent') return { alertId: outcome.written.id };
    const refusal = refusalOfOutcome(outcome);
    return refusal === 'waiting' ? refusal : { refusal: keyedBy(refusal, fieldKey) ?? {} };
  };
  return [busy, raise];
}

export type AmendInput = { alertId: string; expectedVersion: number } & Record<string, unknown>;

/** A new version of the alert, written against `expectedVersion`: a ConflictError if someone amended it since. */
export function useAmendAlert(): Write<AmendInput> {
  const [{ fetching }, execute] = useMutation(AmendAlertMutation);
  const amend = async (input: AmendInput) => {
    const checked = amendAlertInput.safeParse(input);
    if (!checked.success) return keyedBy(browserRefusal(checked.error.issues), fieldKey);
    const result = await execute({ input: input as Parameters<typeof execute>[0]['input'] });
    return keyedBy(refusalOf(result.error, result.data?.amendAlert), fieldKey);
  };
  return [fetching, amend];
}
