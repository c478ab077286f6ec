CREATE TYPE "alert_category" AS ENUM('SHIPMENT', 'PASSENGER', 'CONVEYANCE', 'INTELLIGENCE', 'TEST');--> statement-breakpoint
CREATE TYPE "alert_outcome" AS ENUM('PENDING', 'SEIZED', 'NOTHING_FOUND', 'NOT_CONTROLLED');--> statement-breakpoint
CREATE TYPE "alert_severity" AS ENUM('LOW', 'MEDIUM', 'HIGH', 'CRITICAL');--> statement-breakpoint
CREATE TYPE "distribution_kind" AS ENUM('ALL_PARTICIPANTS', 'RESTRICTED');--> statement-breakpoint
CREATE TYPE "marking" AS ENUM('CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED');--> statement-breakpoint
CREATE TABLE "alert_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"alert_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alert_commodities" (
	"alert_id" uuid,
	"commodity_id" uuid,
	CONSTRAINT "alert_commodities_pkey" PRIMARY KEY("alert_id","commodity_id")
);
--> statement-breakpoint
CREATE TABLE "alert_recipients" (
	"alert_id" uuid,
	"agency_id" uuid,
	"due_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	CONSTRAINT "alert_recipients_pkey" PRIMARY KEY("alert_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"operation_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"reference" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"content_hash" text NOT NULL,
	"category" "alert_category" NOT NULL,
	"severity" "alert_severity" NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"language" text,
	"subject" jsonb,
	"marking" "marking" NOT NULL,
	"distribution" "distribution_kind" NOT NULL,
	"outcome" "alert_outcome" DEFAULT 'PENDING'::"alert_outcome" NOT NULL,
	"outcome_note" text,
	"outcome_by" uuid,
	"outcome_at" timestamp with time zone,
	"raised_by" uuid NOT NULL,
	"raised_by_agency_id" uuid NOT NULL,
	"raised_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "operation_counters" (
	"operation_id" uuid PRIMARY KEY,
	"last_alert_number" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "alert_comments_alert_idx" ON "alert_comments" ("alert_id");--> statement-breakpoint
CREATE INDEX "alert_recipients_agency_idx" ON "alert_recipients" ("agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_operation_number_key" ON "alerts" ("operation_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_operation_user_idempotency_key" ON "alerts" ("operation_id","raised_by","idempotency_key");--> statement-breakpoint
ALTER TABLE "alert_comments" ADD CONSTRAINT "alert_comments_alert_id_alerts_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alerts"("id");--> statement-breakpoint
ALTER TABLE "alert_comments" ADD CONSTRAINT "alert_comments_author_id_users_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "alert_commodities" ADD CONSTRAINT "alert_commodities_alert_id_alerts_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alerts"("id");--> statement-breakpoint
ALTER TABLE "alert_commodities" ADD CONSTRAINT "alert_commodities_commodity_id_commodities_id_fkey" FOREIGN KEY ("commodity_id") REFERENCES "commodities"("id");--> statement-breakpoint
ALTER TABLE "alert_recipients" ADD CONSTRAINT "alert_recipients_alert_id_alerts_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alerts"("id");--> statement-breakpoint
ALTER TABLE "alert_recipients" ADD CONSTRAINT "alert_recipients_agency_id_agencies_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agencies"("id");--> statement-breakpoint
ALTER TABLE "alert_recipients" ADD CONSTRAINT "alert_recipients_acknowledged_by_users_id_fkey" FOREIGN KEY ("acknowledged_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_operation_id_operations_id_fkey" FOREIGN KEY ("operation_id") REFERENCES "operations"("id");--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_outcome_by_users_id_fkey" FOREIGN KEY ("outcome_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_raised_by_users_id_fkey" FOREIGN KEY ("raised_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_raised_by_agency_id_agencies_id_fkey" FOREIGN KEY ("raised_by_agency_id") REFERENCES "agencies"("id");--> statement-breakpoint
ALTER TABLE "operation_counters" ADD CONSTRAINT "operation_counters_operation_id_operations_id_fkey" FOREIGN KEY ("operation_id") REFERENCES "operations"("id");