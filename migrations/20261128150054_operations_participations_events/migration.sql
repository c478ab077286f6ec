CREATE TYPE "member_role" AS ENUM('COORDINATOR', 'CONTACT_POINT', 'REVIEWER', 'OBSERVER');--> statement-breakpoint
CREATE TYPE "participation_role" AS ENUM('COORDINATING', 'PARTICIPATING', 'OBSERVING');--> statement-breakpoint
CREATE TYPE "participation_status" AS ENUM('INVITED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN');--> statement-breakpoint
CREATE TYPE "phase" AS ENUM('PLANNING', 'PRE_OPERATIONAL', 'OPERATIONAL', 'POST_OPERATIONAL', 'CLOSED', 'CANCELLED');--> statement-breakpoint
CREATE TYPE "programme" AS ENUM('PROGRAMME_GLOBAL_SHIELD', 'PASSENGER_CONTROLS', 'OTHER');--> statement-breakpoint
CREATE TABLE "operation_events" (
	"operation_id" uuid,
	"seq" bigint,
	"type" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid,
	"audience_agency_ids" uuid[],
	"data" jsonb NOT NULL,
	CONSTRAINT "operation_events_pkey" PRIMARY KEY("operation_id","seq")
);
--> statement-breakpoint
CREATE TABLE "operation_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"operation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"role" "member_role" NOT NULL,
	"assigned_by" uuid,
	"assigned_at" timestamp with time zone NOT NULL,
	"removed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "operation_phases" (
	"operation_id" uuid,
	"phase" "phase",
	"planned_starts_at" timestamp with time zone,
	"planned_ends_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	CONSTRAINT "operation_phases_pkey" PRIMARY KEY("operation_id","phase")
);
--> statement-breakpoint
CREATE TABLE "operation_targets" (
	"operation_id" uuid,
	"commodity_id" uuid,
	CONSTRAINT "operation_targets_pkey" PRIMARY KEY("operation_id","commodity_id")
);
--> statement-breakpoint
CREATE TABLE "operations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"code" text NOT NULL,
	"name" text NOT NULL,
	"programme" "programme" NOT NULL,
	"objectives" text,
	"region" text,
	"reference_time_zone" text NOT NULL,
	"exercise" boolean DEFAULT false NOT NULL,
	"catalogue_version" "catalogue_version" NOT NULL,
	"phase" "phase" DEFAULT 'PLANNING'::"phase" NOT NULL,
	"final_report" text,
	"final_report_recorded_at" timestamp with time zone,
	"last_event_seq" bigint DEFAULT 0 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"operation_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"role" "participation_role" NOT NULL,
	"status" "participation_status" NOT NULL,
	"invited_by" uuid,
	"invited_at" timestamp with time zone NOT NULL,
	"responded_by" uuid,
	"responded_at" timestamp with time zone,
	"readiness_confirmed_at" timestamp with time zone,
	"readiness_confirmed_by" uuid
);
--> statement-breakpoint
CREATE UNIQUE INDEX "operation_members_operation_user_key" ON "operation_members" ("operation_id","user_id");--> statement-breakpoint
CREATE INDEX "operation_members_user_idx" ON "operation_members" ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "operations_code_key" ON "operations" ("code");--> statement-breakpoint
CREATE INDEX "operations_phase_idx" ON "operations" ("phase");--> statement-breakpoint
CREATE UNIQUE INDEX "participations_operation_agency_key" ON "participations" ("operation_id","agency_id");--> statement-breakpoint
CREATE INDEX "participations_agency_idx" ON "participations" ("agency_id");--> statement-breakpoint
ALTER TABLE "operation_events" ADD CONSTRAINT "operation_events_operation_id_operations_id_fkey" FOREIGN KEY ("operation_id") REFERENCES "operations"("id");--> statement-breakpoint
ALTER TABLE "operation_events" ADD CONSTRAINT "operation_events_actor_user_id_users_id_fkey" FOREIGN KEY ("actor_user_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "operation_members" ADD CONSTRAINT "operation_members_operation_id_operations_id_fkey" FOREIGN KEY ("operation_id") REFERENCES "operations"("id");--> statement-breakpoint
ALTER TABLE "operation_members" ADD CONSTRAINT "operation_members_user_id_users_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "operation_members" ADD CONSTRAINT "operation_members_agency_id_agencies_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agencies"("id");--> statement-breakpoint
ALTER TABLE "operation_members" ADD CONSTRAINT "operation_members_assigned_by_users_id_fkey" FOREIGN KEY ("assigned_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "operation_phases" ADD CONSTRAINT "operation_phases_operation_id_operations_id_fkey" FOREIGN KEY ("operation_id") REFERENCES "operations"("id");--> statement-breakpoint
ALTER TABLE "operation_targets" ADD CONSTRAINT "operation_targets_operation_id_operations_id_fkey" FOREIGN KEY ("operation_id") REFERENCES "operations"("id");--> statement-breakpoint
ALTER TABLE "operation_targets" ADD CONSTRAINT "operation_targets_commodity_id_commodities_id_fkey" FOREIGN KEY ("commodity_id") REFERENCES "commodities"("id");--> statement-breakpoint
ALTER TABLE "operations" ADD CONSTRAINT "operations_created_by_users_id_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_operation_id_operations_id_fkey" FOREIGN KEY ("operation_id") REFERENCES "operations"("id");--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_agency_id_agencies_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agencies"("id");--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_invited_by_users_id_fkey" FOREIGN KEY ("invited_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_responded_by_users_id_fkey" FOREIGN KEY ("responded_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_readiness_confirmed_by_users_id_fkey" FOREIGN KEY ("readiness_confirmed_by") REFERENCES "users"("id");