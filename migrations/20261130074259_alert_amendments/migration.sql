CREATE TABLE "alert_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"alert_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"severity" "alert_severity" NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"language" text,
	"subject" jsonb,
	"commodity_ids" jsonb NOT NULL,
	"made_by" uuid NOT NULL,
	"made_at" timestamp with time zone NOT NULL,
	"superseded_at" timestamp with time zone NOT NULL,
	"cleared_acknowledgements" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "amended_by" uuid;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "amended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "severity_raised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "withdrawn_by" uuid;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "withdrawal_reason" text;--> statement-breakpoint
CREATE UNIQUE INDEX "alert_versions_alert_version_key" ON "alert_versions" ("alert_id","version");--> statement-breakpoint
ALTER TABLE "alert_versions" ADD CONSTRAINT "alert_versions_alert_id_alerts_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alerts"("id");--> statement-breakpoint
ALTER TABLE "alert_versions" ADD CONSTRAINT "alert_versions_made_by_users_id_fkey" FOREIGN KEY ("made_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_amended_by_users_id_fkey" FOREIGN KEY ("amended_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_withdrawn_by_users_id_fkey" FOREIGN KEY ("withdrawn_by") REFERENCES "users"("id");