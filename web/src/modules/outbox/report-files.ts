import type { Client } from 'urql';
import { uploadFile } from '../seizures/upload-file';
import { ReportFilesQuery, SubmitSeizureMutation } from '../seizures/seizure-documents';
import type { StoredRefusal } from './outbox-store';

// A seizure report written while the link is down keeps its files in the outbox with it (IndexedDB
// holds the bytes), and they go once the report is made: the photographs and forms a reviewer
// verifies it by are not left behind on a border post's laptop. The report is made a draft, its
// files are added, and then it is submitted if that is what the user asked for; each step may be
// sent again after a lost answer without doing anything twice: the report by its idempotency key,
// a file by its digest (one the report holds already is not sent again), the submission by the
// report's status.

/** A file kept for a report: its bytes, the name it goes under, and its SHA-256 to know it again. */
export interface OutboxFile {
  name: string;
  blob: Blob;
  sha256: string;
}

const hex = (digest: ArrayBuffer) => Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');

/** The file as the outbox keeps it. */
export async function outboxFileOf(file: File): Promise<OutboxFile> {
  return { name: file.name, blob: file, sha256: hex(await crypto.subtle.digest('SHA-256', await file.arrayBuffer())) };
}

/** Why a step after the report's making did not go: the server's word (kept) or no answer (sent again later). */
export type FilesOutcome = { kind: 'done' } | { kind: 'refused'; refusal: StoredRefusal } | { kind: 'unreachable' };

/** Adds the kept files the report does not hold yet, one after the other, then submits it if asked. */
export async function sendKeptFiles(
  client: Client,
  seizureId: string,
  files: readonly OutboxFile[],
  submitOnceAdded: boolean,
): Promise<FilesOutcome> {
  const asked = await client.query(ReportFilesQuery, { id: seizureId }, { requestPolicy: 'network-only' }).toPromise();
  const node = asked.data?.node;
  if (asked.error || node?.__typename !== 'Seizure') return { kind: 'unreachable' };
  const held = new Set(node.attachments.map((attachment) => attachment.sha256));
  for (const file of files) {
    if (held.has(file.sha256)) continue;
    const refusal = await uploadFile(seizureId, file.name, file.blob);
    if (refusal?.code === 'SERVER_UNREACHABLE') return { kind: 'unreachable' };
    if (refusal) return { kind: 'refused', refusal: { ...refusal, fileName: file.name } };
    held.add(file.sha256);
  }
  // Sent before, its answer lost: the report is with the reviewers already.
  if (!submitOnceAdded || node.status !== 'DRAFT') return { kind: 'done' };
  const submitted = await client.mutation(SubmitSeizureMutation, { input: { seizureId } }).toPromise();
  // The problem's fields come through a masked fragment: read as the outbox reads every answer.
  const answer = submitted.data?.submitSeizure as
    | { __typename: string; code?: string; message?: string; phase?: string | null }
    | undefined;
  if (submitted.error || !answer) return { kind: 'unreachable' };
  if (answer.__typename === 'Seizure') return { kind: 'done' };
  return { kind: 'refused', refusal: { code: answer.code ?? 'UNEXPECTED', message: answer.message ?? '', phase: answer.phase ?? null } };
}
