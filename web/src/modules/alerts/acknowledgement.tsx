import { useState, type ReactNode } from 'react';
import { useOutbox } from '../outbox/outbox-context';
import { WaitingWrites, writeOnAlert } from '../outbox/waiting-writes';
import type { Refusal } from './alert-refusals';
import { useAcknowledgeAlert } from './acknowledge-alert';
import { FormProblem } from './form-problem';

interface Acknowledgement {
  /** The first send is under way. */
  busy: boolean;
  /** An acknowledgement of the alert waits in the outbox: one is enough, the button waits with it. */
  waiting: boolean;
  acknowledge(): void;
  /** What became of it, to show beside the button: the refusal in words, or what waits to be sent. */
  outcome: ReactNode;
}

/**
 * Acknowledging an alert for the viewer's agency through the outbox, wherever the button is (the
 * alert's page, the room's feed): sent at once when the link is up, kept with its key otherwise.
 */
export function useAcknowledgement(alertId: string): Acknowledgement {
  const [busy, send] = useAcknowledgeAlert();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const isThisAcknowledgement = writeOnAlert('acknowledgeAlert', alertId);
  const waiting = useOutbox().items.some((item) => item.state === 'waiting' && isThisAcknowledgement(item.write));
  return {
    busy,
    waiting,
    acknowledge: () => void send({ alertId }).then((answer) => setRefusal(answer === 'waiting' ? null : answer)),
    outcome: (
      <>
        <FormProblem refusal={refusal} />
        <WaitingWrites match={isThisAcknowledgement} />
      </>
    ),
  };
}
