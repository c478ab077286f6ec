import { use, useState } from 'react';
import { OperationContext } from '../operations/operation-context';
import type { SubmitOutcome } from '../outbox/outbox';
import { useOutbox, WriteAboutContext } from '../outbox/outbox-context';
import type { OutboxWrite } from '../outbox/outbox-writes';
import type { Refusal } from './alert-refusals';

export type Write<Input, Answer = Refusal | null> = readonly [busy: boolean, write: (input: Input) => Promise<Answer>];

/** Not sent yet: kept in the outbox until the link is back. */
export type Waiting = 'waiting';

/** Writes through the outbox, busy while the first send is under way. */
export function useOutboxWrite(): readonly [boolean, (write: OutboxWrite, key?: string) => Promise<SubmitOutcome>] {
  const { submit } = useOutbox();
  const operation = use(OperationContext);
  const about = use(WriteAboutContext);
  const [busy, setBusy] = useState(false);
  const send = async (write: OutboxWrite, key?: string) => {
    setBusy(true);
    try {
      return await submit({ ...write, about: { operationCode: operation?.code, ...about } }, key);
    } finally {
      setBusy(false);
    }
  };
  return [busy, send];
}
