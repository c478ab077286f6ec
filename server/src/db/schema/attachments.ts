import { sql } from 'drizzle-orm';
import { check, customType, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { alerts } from './alerts';
import { operations } from './operations';
import { seizures } from './seizures';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/**
 * A file attached to an alert or a seizure report (a photograph, a bill of lading, a lab report):
 * what it is, never its bytes, so listing an alert's files reads no file.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operationId: uuid('operation_id')
      .notNull()
      .references(() => operations.id),
    /** Exactly one parent: the alert or the seizure report whose audience the file has. */
    alertId: uuid('alert_id').references(() => alerts.id),
    seizureId: uuid('seizure_id').references(() => seizures.id),
    /** As the uploader named it; only ever shown, never used as a path. */
    fileName: text('file_name').notNull(),
    /** What the bytes are (read from their first bytes), not what the uploader declared. */
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    /** SHA-256 of the bytes, hex. */
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('attachments_one_parent', sql`num_nonnulls(${t.alertId}, ${t.seizureId}) = 1`),
    index('attachments_alert_idx').on(t.alertId),
    index('attachments_seizure_idx').on(t.seizureId),
  ],
);

/**
 * The bytes, in numbered chunks of at most ATTACHMENT_CHUNK_BYTES: a download streams them a few
 * chunks at a time instead of reading the whole file into memory, and an upload never passes the
 * whole file as one parameter (which PGlite would copy whole more than once).
 */
export const attachmentChunks = pgTable(
  'attachment_chunks',
  {
    attachmentId: uuid('attachment_id')
      .notNull()
      .references(() => attachments.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    bytes: bytea('bytes').notNull(),
  },
  (t) => [primaryKey({ columns: [t.attachmentId, t.seq] })],
);
