import { and, asc, between, eq, getTableColumns, isNotNull, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { alerts } from '../../db/schema/alerts';
import { attachmentChunks, attachments } from '../../db/schema/attachments';
import { seizures } from '../../db/schema/seizures';
import type { Viewer } from '../../service-context';
import { alertVisibleTo } from '../alerts/alerts.repo';
import { seizureVisibleTo } from '../seizures/seizures.repo';

export type AttachmentRow = typeof attachments.$inferSelect;
export type NewAttachment = typeof attachments.$inferInsert;

/** Bytes per stored chunk: a download holds a few of them at a time, never the whole file. */
export const ATTACHMENT_CHUNK_BYTES = 256 * 1024;

/** Chunks per insert and per read: 1 MiB a statement. */
const CHUNKS_PER_STATEMENT = 4;

/**
 * The need-to-know condition on `attachments` (joined to its parent) for one viewer: a file is
 * visible exactly when the alert or seizure report it is attached to is. There is no other rule.
 */
function attachmentVisibleTo(viewer: Viewer): SQL {
  return or(and(isNotNull(attachments.alertId), alertVisibleTo(viewer)), and(isNotNull(attachments.seizureId), seizureVisibleTo(viewer)))!;
}

const visibleAttachments = (db: Db, viewer: Viewer, condition: SQL) =>
  db
    .select(getTableColumns(attachments))
    .from(attachments)
    .leftJoin(alerts, eq(alerts.id, attachments.alertId))
    .leftJoin(seizures, eq(seizures.id, attachments.seizureId))
    .where(and(condition, attachmentVisibleTo(viewer)));

/** The file, if the viewer may see its parent; exactly null otherwise, as for an unknown id. */
export async function findVisibleAttachment(db: Db, viewer: Viewer, id: string): Promise<AttachmentRow | null> {
  const [row] = await visibleAttachments(db, viewer, eq(attachments.id, id));
  return row ?? null;
}

/** The files of an alert or a seizure report the viewer may see (none when the parent is not theirs), oldest first. */
export async function visibleAttachmentsOf(db: Db, viewer: Viewer, parent: { alertId: string } | { seizureId: string }) {
  const condition = 'alertId' in parent ? eq(attachments.alertId, parent.alertId) : eq(attachments.seizureId, parent.seizureId);
  return visibleAttachments(db, viewer, condition).orderBy(asc(attachments.uploadedAt), asc(attachments.id));
}

/** Any file, whoever asks: for the events, whose audience was decided when they were recorded. */
export async function findAttachmentById(db: Db, id: string): Promise<AttachmentRow | null> {
  const [row] = await db.select().from(attachments).where(eq(attachments.id, id));
  return row ?? null;
}

/** The file's row and its bytes, chunk by chunk, in the caller's transaction. */
export async function insertAttachment(tx: Db, attachment: NewAttachment, chunks: readonly Uint8Array[]): Promise<AttachmentRow> {
  const [row] = await tx.insert(attachments).values(attachment).returning();
  for (let start = 0; start < chunks.length; start += CHUNKS_PER_STATEMENT) {
    const batch = chunks.slice(start, start + CHUNKS_PER_STATEMENT);
    await tx.insert(attachmentChunks).values(batch.map((bytes, index) => ({ attachmentId: row!.id, seq: start + index, bytes })));
  }
  return row!;
}

/**
 * The file's bytes, a few chunks per query: a reader that stops early (the client went away)
 * reads no further. Files are never changed once stored, so the reads need no transaction.
 */
export async function* attachmentBytes(db: Db, attachmentId: string): AsyncGenerator<Uint8Array> {
  for (let first = 0; ; first += CHUNKS_PER_STATEMENT) {
    const rows = await db
      .select({ bytes: attachmentChunks.bytes })
      .from(attachmentChunks)
      .where(and(eq(attachmentChunks.attachmentId, attachmentId), between(attachmentChunks.seq, first, first + CHUNKS_PER_STATEMENT - 1)))
      .orderBy(asc(attachmentChunks.seq));
    for (const row of rows) yield row.bytes;
    if (rows.length < CHUNKS_PER_STATEMENT) return;
  }
}
