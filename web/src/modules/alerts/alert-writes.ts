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
import { problemWords } from '../../i18n/problems';
import {
  AcknowledgeAlertMutation,
  AmendAlertMutation,
  CommentOnAlertMutation,
  GiveAlertFeedbackMutation,
  RaiseAlertMutation,
  WithdrawAlertMutation,
} from './alert-documents';
import { fieldKey, type raiseInputOf } from './alert-draft';
import { browserRefusal, keyedBy, refusalOf, type Refusal } from './alert-refusals';

// Each write on an alert is one function here: checked in the browser with the shared schema,
// sent, and answered with the refusal in words or null once done. The outbox can take a write
// over at this one place, without the screens knowing.

type Write<Input> = readonly [busy: boolean, write: (input: Input) => Promise<Refusal | null>];

export function useAcknowledgeAlert(): Write<{ alertId: string }> {
  const [{ fetching }, execute] = useMutation(AcknowledgeAlertMutation);
  const acknowledge = async (input: { alertId: string }) => {
    const result = await execute({ input });
    return refusalOf(result.error, result.data?.acknowledgeAlert);
  };
  return [fetching, acknowledge];
}

export interface FeedbackDraft {
  alertId: string;
  outcome: AlertOutcome | '';
  note: string;
  idempotencyKey: string;
}

export function useGiveAlertFeedback(): Write<FeedbackDraft> {
  const [{ fetching }, execute] = useMutation(GiveAlertFeedbackMutation);
  const give = async (draft: FeedbackDraft) => {
    const checked = giveAlertFeedbackInput.safeParse(draft);
    if (!checked.success) {
      const refusal = browserRefusal(checked.error.issues);
      // No outcome chosen is a missing answer, not a wrong one.
      if (refusal?.fields && !draft.outcome) refusal.fields.outcome = { message: problemWords.required };
      return refusal;
    }
    const result = await execute({ input: checked.data });
    return refusalOf(result.error, result.data?.giveAlertFeedback);
  };
  return [fetching, give];
}

export interface CommentDraft {
  alertId: string;
  body: string;
  idempotencyKey: string;
}

export function useCommentOnAlert(): Write<CommentDraft> {
  const [{ fetching }, execute] = useMutation(CommentOnAlertMutation);
  const comment = async (draft: CommentDraft) => {
    const checked = commentOnAlertInput.safeParse(draft);
    if (!checked.success) return browserRefusal(checked.error.issues);
    const result = await execute({ input: checked.data });
    return refusalOf(result.error, result.data?.commentOnAlert);
  };
  return [fetching, comment];
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
 * Raises an alert once: the input carries the draft's idempotency key, so a retry after a lost
 * answer returns the alert first raised instead of a second one.
 */
export function useRaiseAlert(): readonly [
  busy: boolean,
  raise: (input: RaiseInput) => Promise<{ refusal: Refusal } | { alertId: string }>,
] {
  const [{ fetching }, execute] = useMutation(RaiseAlertMutation);
  const raise = async (input: RaiseInput) => {
    const checked = raiseAlertInput.safeParse(input);
    if (!checked.success) {
      // The schema checks the subject only once the rest holds; the form says everything at once.
      const subject = amendedSubject(input.category, undefined, input.typedSubject);
      const issues = [...checked.error.issues, ...('issues' in subject ? subject.issues : [])];
      return { refusal: keyedBy(browserRefusal(issues), fieldKey)! };
    }
    const result = await execute({ input });
    const answer = result.data?.raiseAlert;
    const refusal = keyedBy(refusalOf(result.error, answer), fieldKey);
    if (refusal || answer?.__typename !== 'Alert') return { refusal: refusal ?? {} };
    return { alertId: answer.id };
  };
  return [fetching, raise];
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
