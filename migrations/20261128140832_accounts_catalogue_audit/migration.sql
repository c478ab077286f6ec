CREATE TYPE "agency_kind" AS ENUM('CUSTOMS', 'POLICE', 'BORDER_GUARD', 'INTERPOL_NCB', 'LICENSING_AUTHORITY', 'INTERNATIONAL_ORGANIZATION', 'OTHER');--> statement-breakpoint
CREATE TYPE "locale" AS ENUM('en', 'fr');--> statement-breakpoint
CREATE TYPE "audit_outcome" AS ENUM('SUCCEEDED', 'REFUSED');--> statement-breakpoint
CREATE TYPE "catalogue_version" AS ENUM('PGS-2010', 'PGS-2015', 'PGS-2023');--> statement-breakpoint
CREATE TYPE "commodity_category" AS ENUM('PRECURSOR_CHEMICAL', 'DETONATOR', 'FUSE', 'COMPONENT', 'UAV');--> statement-breakpoint
CREATE TYPE "quantity_unit" AS ENUM('KG', 'G', 'T', 'L', 'ML', 'PIECES', 'M');--> statement-breakpoint
CREATE TABLE "agencies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"name" text NOT NULL,
	"acronym" text,
	"kind" "agency_kind" NOT NULL,
	"country_code" text,
	"time_zone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_throttles" (
	"key" text PRIMARY KEY,
	"failures" integer NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"source_address" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"password_hash" text NOT NULL,
	"locale" "locale" DEFAULT 'en'::"locale" NOT NULL,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"is_admin" boolean DEFAULT false NOT NULL,
	"deactivated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_entries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"occurred_at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid,
	"actor_agency_id" uuid,
	"action" text NOT NULL,
	"target_type" text,
	"target_id" text,
	"operation_id" uuid,
	"outcome" "audit_outcome" NOT NULL,
	"reason" text,
	"request_id" text,
	"source_address" text,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "commodities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"code" text NOT NULL UNIQUE,
	"version" "catalogue_version" NOT NULL,
	"category" "commodity_category" NOT NULL,
	"name_en" text NOT NULL,
	"name_fr" text NOT NULL,
	"default_unit" "quantity_unit" NOT NULL,
	"hs_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "agencies_name_country_key" ON "agencies" (lower("name"),coalesce("country_code", ''));--> statement-breakpoint
CREATE UNIQUE INDEX "sessions_token_hash_key" ON "sessions" ("token_hash");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" ("email");--> statement-breakpoint
CREATE INDEX "users_agency_idx" ON "users" ("agency_id");--> statement-breakpoint
CREATE INDEX "audit_entries_operation_idx" ON "audit_entries" ("operation_id","id");--> statement-breakpoint
CREATE INDEX "audit_entries_actor_idx" ON "audit_entries" ("actor_user_id","id");--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_agency_id_agencies_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agencies"("id");