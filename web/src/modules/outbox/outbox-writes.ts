import type { Client, CombinedError } from 'urql';
import type { VariablesOf } from '../../graphql/graphql';
import { AcknowledgeAlertMutation, CommentOnAlertMutation, GiveAlertFeedbackMutation, RaiseAlertMutation } from '../alerts/alert-documents';
import { ReportSeizureMutation } from '../seizures/seizure-documents';
import type { StoredRefusal } from './outbox-store';
import { sendKeptFiles, type OutboxFile } from './report-files';

// The writes the outbox takes: what each sends, and how an answer is read — sent, refused for a
// reason the user must see, or not answered at all (the link), in which case it is sent again
// later with the same idempotency key. An answer carries what its page shows (the alert's or the
// seizure report's documents), so the page shows the record as the write left it.

type InputOf<Document> = VariablesOf<Document> extends { input: infer Input } ? Omit<Input, 'idempotencyKey'> : never;

/** Where a write was made, for the words that name it in the outbox. */
export interface WriteAbout {
  operationCode?: string | undefined;
  alertReference?: string | undefined;
  alertTitle?: string | undefined;
}

export type OutboxWrite = { about?: WriteAbout } & (
  | { kind: 'raiseAlert'; input: InputOf<typeof RaiseAlertMutation> }
  | { kind: 'acknowledgeAlert'; input: InputOf<typeof AcknowledgeAlertMutation> }
  | { kind: 'giveAlertFeedback'; input: InputOf<typeof GiveAlertFeedbackMutation> }
  | { kind: 'commentOnAlert'; input: InputOf<typeof CommentOnAlertMutation> }
  | {
      kind: 'reportSeizure';
      input: InputOf<typeof ReportSeizureMutation>;
      /** Kept with a report made while the link was down; the report goes as a draft, then them, then the submission. */
      files?: readonly OutboxFile[];
      submitOnceFilesAdded?: boolean;
    }
);

export type WriteKind = OutboxWrite['kind'];

/** The alert or seizure report a write is about, once it exists: the one answered, or the one made. */
export interface SentRecord {
  id: string;
  reference: string;
}

export type SendResult = { kind: 'sent'; written: SentRecord } | { kind: 'refused'; refusal: StoredRefusal } | { kind: 'unreachable' };

interface Answer {
  __typename: string;
  id?: string;
  reference?: string;
  code?: string;
  message?: string;
  phase?: string | null;
  fieldErrors?: StoredRefusal['fieldErrors'];
}

function execute(client: Client, write: OutboxWrite, key: string) {
  switch (write.kind) {
    case 'raiseAlert':
      return client.mutation(RaiseAlertMutation, { input: { ...write.input, idempotencyKey: key } }).toPromise();
    // Acknowledging again changes nothing: it needs no key.
    case 'acknowledgeAlert':
      return client.mutation(AcknowledgeAlertMutation, { input: write.input }).toPromise();
    case 'giveAlertFeedback':
      return client.mutation(GiveAlertFeedbackMutation, { input: { ...write.input, idempotencyKey: key } }).toPromise();
    case 'commentOnAlert':
      return client.mutation(CommentOnAlertMutation, { input: { ...write.input, idempotencyKey: key } }).toPromise();
    // A report made offline goes once: a retry with the same key returns the first report.
    case 'reportSeizure':
      return client.mutation(ReportSeizureMutation, { input: { ...write.input, idempotencyKey: key } }).toPromise();
  }
}

/** Sends the write once and reads the answer; a report's kept files follow it. */
export async function sendWrite(client: Client, write: OutboxWrite, key: string): Promise<SendResult> {
  const result = await execute(client, write, key);
  if (result.error) return readError(result.error);
  const answer = (result.data as Record<string, Answer | null> | undefined)?.[write.kind];
  if (!answer) return { kind: 'unreachable' };
  if (answer.__typename === 'Alert' || answer.__typename === 'Seizure') {
    const written = { id: answer.id!, reference: answer.reference! };
    if (write.kind !== 'reportSeizure' || !write.files?.length) return { kind: 'sent', written };
    const rest = await sendKeptFiles(client, written.id, write.files, write.submitOnceFilesAdded ?? false);
    return rest.kind === 'done' ? { kind: 'sent', written } : rest;
  }
  return {
    kind: 'refused',
    refusal: {
      code: answer.code ?? 'UNEXPECTED',
      message: answer.message ?? '',
      phase: answer.phase ?? null,
      ...(answer.fieldErrors?.length ? { fieldErrors: answer.fieldErrors.map((issue) => ({ ...issue, path: [...issue.path] })) } : {}),
    },
  };
}

/**
 * No answer, a server that failed (5xx) or a session that ended are the link's matter: the write
 * waits and goes again once signed in. Any other top-level error (a refusal by role, FORBIDDEN)
 * is the server's word on this write, kept for the user to read.
 */
function readError(error: CombinedError): SendResult {
  if (error.networkError) return { kind: 'unreachable' };
  const first = error.graphQLErrors[0];
  const code = typeof first?.extensions?.code === 'string' ? first.extensions.code : 'UNEXPECTED';
  if (!first || code === 'UNAUTHENTICATED') return { kind: 'unreachable' };
  return { kind: 'refused', refusal: { code, message: first.message } };
}
