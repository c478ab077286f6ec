CREATE TYPE "detection_method" AS ENUM('RISK_PROFILING', 'X_RAY', 'X_RAY_BACKSCATTER', 'RAMAN_SPECTROMETER', 'FIELD_TEST', 'CANINE', 'PHYSICAL_SEARCH', 'INTELLIGENCE', 'DATABASE_HIT', 'OTHER');--> statement-breakpoint
CREATE TYPE "location_type" AS ENUM('SEAPORT', 'AIRPORT', 'LAND_BORDER', 'POSTAL_CENTRE', 'EXPRESS_COURIER_HUB', 'INLAND', 'OTHER');--> statement-breakpoint
CREATE TYPE "seizure_status" AS ENUM('DRAFT', 'SUBMITTED', 'VERIFIED', 'REJECTED');--> statement-breakpoint
CREATE TYPE "transport_mode" AS ENUM('SEA', 'AIR', 'ROAD', 'RAIL', 'POSTAL', 'COURIER', 'PEDESTRIAN', 'OTHER');--> statement-breakpoint
CREATE TABLE "seizure_alert_links" (
	"seizure_id" uuid,
	"alert_id" uuid,
	CONSTRAINT "seizure_alert_links_pkey" PRIMARY KEY("seizure_id","alert_id")
);
--> statement-breakpoint
CREATE TABLE "seizures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"operation_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"reference" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"content_hash" text NOT NULL,
	"status" "seizure_status" NOT NULL,
	"reporting_agency_id" uuid NOT NULL,
	"reported_by" uuid NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	"seized_at" timestamp with time zone NOT NULL,
	"country_code" text NOT NULL,
	"place" text NOT NULL,
	"location_type" "location_type" NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"commodity_id" uuid,
	"commodity_description" text,
	"quantity" double precision NOT NULL,
	"unit" "quantity_unit" NOT NULL,
	"detection_method" "detection_method" NOT NULL,
	"concealment" text,
	"transport_mode" "transport_mode" NOT NULL,
	"conveyance" text,
	"origin_country_code" text,
	"transit_country_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"destination_country_code" text,
	"arrests" integer DEFAULT 0 NOT NULL,
	"verified_by" uuid,
	"verified_at" timestamp with time zone,
	"rejected_by" uuid,
	"rejected_at" timestamp with time zone,
	"rejection_reason" text,
	CONSTRAINT "seizures_quantity_positive" CHECK ("quantity" > 0),
	CONSTRAINT "seizures_arrests_not_negative" CHECK ("arrests" >= 0),
	CONSTRAINT "seizures_commodity_named" CHECK ("commodity_id" is not null or "commodity_description" is not null),
	CONSTRAINT "seizures_rejection_has_reason" CHECK ("status" <> 'REJECTED' or "rejection_reason" is not null)
);
--> statement-breakpoint
ALTER TABLE "operation_counters" ADD COLUMN "last_seizure_number" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "seizure_alert_links_alert_idx" ON "seizure_alert_links" ("alert_id");--> statement-breakpoint
CREATE UNIQUE INDEX "seizures_operation_number_key" ON "seizures" ("operation_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "seizures_operation_user_idempotency_key" ON "seizures" ("operation_id","reported_by","idempotency_key");--> statement-breakpoint
CREATE INDEX "seizures_operation_status_idx" ON "seizures" ("operation_id","status");--> statement-breakpoint
CREATE INDEX "seizures_operation_country_commodity_idx" ON "seizures" ("operation_id","country_code","commodity_id");--> statement-breakpoint
ALTER TABLE "seizure_alert_links" ADD CONSTRAINT "seizure_alert_links_seizure_id_seizures_id_fkey" FOREIGN KEY ("seizure_id") REFERENCES "seizures"("id");--> statement-breakpoint
ALTER TABLE "seizure_alert_links" ADD CONSTRAINT "seizure_alert_links_alert_id_alerts_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alerts"("id");--> statement-breakpoint
ALTER TABLE "seizures" ADD CONSTRAINT "seizures_operation_id_operations_id_fkey" FOREIGN KEY ("operation_id") REFERENCES "operations"("id");--> statement-breakpoint
ALTER TABLE "seizures" ADD CONSTRAINT "seizures_reporting_agency_id_agencies_id_fkey" FOREIGN KEY ("reporting_agency_id") REFERENCES "agencies"("id");--> statement-breakpoint
ALTER TABLE "seizures" ADD CONSTRAINT "seizures_reported_by_users_id_fkey" FOREIGN KEY ("reported_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "seizures" ADD CONSTRAINT "seizures_commodity_id_commodities_id_fkey" FOREIGN KEY ("commodity_id") REFERENCES "commodities"("id");--> statement-breakpoint
ALTER TABLE "seizures" ADD CONSTRAINT "seizures_verified_by_users_id_fkey" FOREIGN KEY ("verified_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "seizures" ADD CONSTRAINT "seizures_rejected_by_users_id_fkey" FOREIGN KEY ("rejected_by") REFERENCES "users"("id");