ALTER TABLE "alert_comments" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
ALTER TABLE "alert_feedback" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "alert_comments_alert_author_idempotency_key" ON "alert_comments" ("alert_id","author_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "alert_feedback_alert_user_idempotency_key" ON "alert_feedback" ("alert_id","given_by","idempotency_key");