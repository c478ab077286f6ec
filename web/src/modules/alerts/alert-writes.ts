import { commentOnAlertInput, giveAlertFeedbackInput, withdrawAlertInput } from '@jointops/shared/alerts';
import type { AlertOutcome } from '@jointops/shared/domain';
import { useMutation } from 'urql';
import { problemWords } from '../../i18n/problems';
import { AcknowledgeAlertMutation, CommentOnAlertMutation, GiveAlertFeedbackMutation, WithdrawAlertMutation } from './alert-documents';
import { browserRefusal, refusalOf, type Refusal } from './alert-refusals';

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

export function useCommentOnAlert(): Write<{ alertId: string; body: string }> {
  const [{ fetching }, execute] = useMutation(CommentOnAlertMutation);
  const comment = async (draft: { alertId: string; body: string }) => {
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
