CREATE TABLE "alert_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"alert_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"outcome" "alert_outcome" NOT NULL,
	"note" text,
	"given_by" uuid NOT NULL,
	"given_at" timestamp with time zone NOT NULL,
	"superseded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "alert_feedback_current_key" ON "alert_feedback" ("alert_id","agency_id") WHERE "superseded_at" is null;--> statement-breakpoint
CREATE INDEX "alert_feedback_agency_idx" ON "alert_feedback" ("agency_id","alert_id");--> statement-breakpoint
ALTER TABLE "alert_feedback" ADD CONSTRAINT "alert_feedback_given_by_users_id_fkey" FOREIGN KEY ("given_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "alert_feedback" ADD CONSTRAINT "alert_feedback_recipient_fkey" FOREIGN KEY ("alert_id","agency_id") REFERENCES "alert_recipients"("alert_id","agency_id");
--> statement-breakpoint
-- data migration
-- 1. Feedback per recipient, history included, from the audit trail: every successful
-- giveAlertFeedback names the alert, the outcome, who gave it and their agency at the time; the
-- alert row kept only the last of them. An agency that is not among the alert's recipients cannot
-- be attributed feedback (the foreign key would refuse it): left out.
INSERT INTO "alert_feedback" ("alert_id", "agency_id", "outcome", "given_by", "given_at", "superseded_at")
SELECT a."id", e."actor_agency_id", (e."details" ->> 'outcome')::"alert_outcome", e."actor_user_id", e."occurred_at",
  lead(e."occurred_at") OVER (PARTITION BY a."id", e."actor_agency_id" ORDER BY e."occurred_at", e."id")
FROM "audit_entries" e
JOIN "alerts" a ON a."id"::text = e."target_id"
JOIN "alert_recipients" r ON r."alert_id" = a."id" AND r."agency_id" = e."actor_agency_id"
WHERE e."action" = 'giveAlertFeedback' AND e."outcome" = 'SUCCEEDED' AND e."actor_user_id" IS NOT NULL
  AND e."details" ->> 'outcome' IN ('PENDING', 'SEIZED', 'NOTHING_FOUND', 'NOT_CONTROLLED');
--> statement-breakpoint
-- 2. The note the alert row holds belongs to the last feedback given on it, when that is still
-- what the row says (a reconciliation afterwards replaced it with its own words).
UPDATE "alert_feedback" f SET "note" = a."outcome_note"
FROM "alerts" a
WHERE f."alert_id" = a."id" AND f."superseded_at" IS NULL AND f."given_by" = a."outcome_by" AND f."outcome" = a."outcome"
  AND f."given_at" >= a."outcome_at"
  AND NOT EXISTS (SELECT 1 FROM "alert_feedback" g WHERE g."alert_id" = f."alert_id" AND g."given_at" > f."given_at");
--> statement-breakpoint
-- 3. An outcome on the alert row with no audited feedback behind it (rows older than the audit
-- trail): it is the feedback of the agency of the user who gave it, if that agency is a
-- recipient and no reconciliation with a seizure report set it.
INSERT INTO "alert_feedback" ("alert_id", "agency_id", "outcome", "note", "given_by", "given_at")
SELECT a."id", u."agency_id", a."outcome", a."outcome_note", a."outcome_by", a."outcome_at"
FROM "alerts" a
JOIN "users" u ON u."id" = a."outcome_by"
JOIN "alert_recipients" r ON r."alert_id" = a."id" AND r."agency_id" = u."agency_id"
WHERE a."outcome" <> 'PENDING' AND a."outcome_at" IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM "alert_feedback" f WHERE f."alert_id" = a."id")
  AND NOT EXISTS (
    SELECT 1 FROM "operation_events" ev
    WHERE ev."operation_id" = a."operation_id" AND ev."type" = 'ALERT_RECONCILED' AND ev."data" ->> 'alertId' = a."id"::text
  );
--> statement-breakpoint
-- 4. The alert's outcome is now derived from its recipients' current feedback and its submitted
-- linked seizure reports (alert-feedback.repo.ts says the same in its refresh).
UPDATE "alerts" a SET "outcome" = CASE
  WHEN EXISTS (SELECT 1 FROM "alert_feedback" f WHERE f."alert_id" = a."id" AND f."superseded_at" IS NULL AND f."outcome" = 'SEIZED')
    OR EXISTS (SELECT 1 FROM "seizure_alert_links" l JOIN "seizures" s ON s."id" = l."seizure_id" WHERE l."alert_id" = a."id" AND s."status" <> 'DRAFT')
    THEN 'SEIZED'::"alert_outcome"
  WHEN EXISTS (SELECT 1 FROM "alert_feedback" f WHERE f."alert_id" = a."id" AND f."superseded_at" IS NULL AND f."outcome" = 'NOTHING_FOUND')
    THEN 'NOTHING_FOUND'::"alert_outcome"
  WHEN EXISTS (SELECT 1 FROM "alert_feedback" f WHERE f."alert_id" = a."id" AND f."superseded_at" IS NULL AND f."outcome" = 'NOT_CONTROLLED')
    THEN 'NOT_CONTROLLED'::"alert_outcome"
  ELSE 'PENDING'::"alert_outcome"
END;
--> statement-breakpoint
-- 5. A RED alert is for named agencies only. Those stored for all participants before that was
-- refused become RESTRICTED to the agencies that received them, so nobody gains or loses them;
-- their events, stored for every member, are narrowed to the same agencies first: otherwise an
-- agency that joined later would still be shown them. The log is append-only; this one
-- correction narrows who may read it and changes nothing else.
ALTER TABLE "operation_events" DISABLE TRIGGER "operation_events_no_update";
--> statement-breakpoint
UPDATE "operation_events" ev SET "audience_agency_ids" = (
  SELECT array_agg(DISTINCT audience."agency_id") FROM (
    SELECT a."raised_by_agency_id" AS "agency_id" FROM "alerts" a WHERE a."id" = red."id"
    UNION SELECT r."agency_id" FROM "alert_recipients" r WHERE r."alert_id" = red."id"
  ) audience
)
FROM "alerts" red
WHERE red."marking" = 'RED' AND red."distribution" = 'ALL_PARTICIPANTS'
  AND ev."operation_id" = red."operation_id" AND ev."data" ->> 'alertId' = red."id"::text AND ev."audience_agency_ids" IS NULL;
--> statement-breakpoint
ALTER TABLE "operation_events" ENABLE TRIGGER "operation_events_no_update";
--> statement-breakpoint
UPDATE "alerts" SET "distribution" = 'RESTRICTED' WHERE "marking" = 'RED' AND "distribution" = 'ALL_PARTICIPANTS';
