ALTER TABLE "alert_recipients" ADD COLUMN "coordinator_escalated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "operations" ADD COLUMN "coordinator_escalation_factor" integer DEFAULT 2;--> statement-breakpoint
CREATE INDEX "alert_recipients_coordinator_due_idx" ON "alert_recipients" ("due_at") WHERE "acknowledged_at" is null and "overdue_escalated_at" is not null and "coordinator_escalated_at" is null;
-- data migration: nothing beyond the column default. ADD COLUMN ... DEFAULT 2 gives every existing
-- operation the default second level; recipients already escalated at level 1 and still silent are
-- taken to the coordinators by the first run after it, each event with its own dueAt.
