import { integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { alerts, alertSeverity } from './alerts';

/** An acknowledgement a severity rise took back: the recipient had to acknowledge the graver alert again. */
export interface ClearedAcknowledgement {
  agencyId: string;
  acknowledgedAt: string;
  acknowledgedBy: string | null;
}

/**
 * What an alert said before an amendment replaced it: one row per superseded version, written in
 * the amendment's transaction. The alert row always holds the current version.
 */
export const alertVersions = pgTable(
  'alert_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    alertId: uuid('alert_id')
      .notNull()
      .references(() => alerts.id),
    version: integer('version').notNull(),
    severity: alertSeverity('severity').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    language: text('language'),
    subject: jsonb('subject').$type<Record<string, unknown> | null>(),
    commodityIds: jsonb('commodity_ids').$type<string[]>().notNull(),
    /** Who wrote this version (the originator for version 1) and when. */
    madeBy: uuid('made_by')
      .notNull()
      .references(() => users.id),
    madeAt: timestamp('made_at', { withTimezone: true }).notNull(),
    supersededAt: timestamp('superseded_at', { withTimezone: true }).notNull(),
    /** The acknowledgements of this version that the next one, graver, cleared. */
    clearedAcknowledgements: jsonb('cleared_acknowledgements').$type<ClearedAcknowledgement[]>().notNull(),
  },
  (t) => [uniqueIndex('alert_versions_alert_version_key').on(t.alertId, t.version)],
);
