import type { Refusal } from './alert-refusals';
import { useOutboxWrite, type Waiting, type Write } from './outbox-write';

/**
 * Acknowledges through the outbox. Apart from alert-writes.ts, which checks the other writes with
 * the shared schemas (zod) and words every refusal: the room shows this button on every row and
 * loads those only once an acknowledgement is refused.
 */
export function useAcknowledgeAlert(): Write<{ alertId: string }, Refusal | null | Waiting> {
  const [busy, send] = useOutboxWrite();
  return [
    busy,
    async (input) => {
      const outcome = await send({ kind: 'acknowledgeAlert', input });
      if (outcome.kind === 'waiting') return 'waiting';
      if (outcome.kind === 'sent') return null;
      const { refusalOfOutcome } = await import('./alert-writes');
      return refusalOfOutcome(outcome);
    },
  ];
}
