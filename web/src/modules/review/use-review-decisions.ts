import { useState } from 'react';
import { useClient } from 'urql';
import type { Problem } from '../../i18n/problems';
import { refusalOf } from '../participants/refusals';
import { RejectSeizureMutation, VerifySeizureMutation } from './review-documents';

// The API decides one report at a time (verifySeizure, rejectSeizure): several selected are sent
// one after the other, and each gets its own outcome, so one refused (another reviewer was
// quicker, the phase changed) neither hides nor undoes the others.

export type Decision = { kind: 'verify' } | { kind: 'reject'; reason: string };

export interface DecisionOutcome {
  seizureId: string;
  reference: string;
  decision: Decision['kind'];
  /** Null when the server took the decision. */
  problem: Problem | null;
}

export function useReviewDecisions(onDecided: () => void) {
  const client = useClient();
  const [outcomes, setOutcomes] = useState<DecisionOutcome[]>([]);
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());

  async function decideOne(seizure: { id: string; reference: string }, decision: Decision): Promise<DecisionOutcome> {
    if (decision.kind === 'verify') {
      const answer = await client.mutation(VerifySeizureMutation, { input: { seizureId: seizure.id } }).toPromise();
      return {
        seizureId: seizure.id,
        reference: seizure.reference,
        decision: 'verify',
        problem: refusalOf(answer.error, answer.data?.verifySeizure),
      };
    }
    const answer = await client.mutation(RejectSeizureMutation, { input: { seizureId: seizure.id, reason: decision.reason } }).toPromise();
    return {
      seizureId: seizure.id,
      reference: seizure.reference,
      decision: 'reject',
      problem: refusalOf(answer.error, answer.data?.rejectSeizure),
    };
  }

  async function decide(seizures: readonly { id: string; reference: string }[], decision: Decision): Promise<DecisionOutcome[]> {
    setPending(new Set(seizures.map((seizure) => seizure.id)));
    const done: DecisionOutcome[] = [];
    for (const seizure of seizures) {
      const outcome = await decideOne(seizure, decision);
      done.push(outcome);
      setPending((before) => new Set([...before].filter((id) => id !== seizure.id)));
    }
    setOutcomes(done);
    onDecided();
    return done;
  }

  return { decide, outcomes, pending };
}
