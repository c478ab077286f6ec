CREATE TYPE "checked_database" AS ENUM('INTERPOL_SLTD', 'INTERPOL_NOMINALS', 'INTERPOL_VEHICLES', 'WCO_CEN', 'NATIONAL', 'OTHER');--> statement-breakpoint
CREATE TABLE "database_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"operation_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"country_code" text NOT NULL,
	"checked_on" date NOT NULL,
	"database" "checked_database" NOT NULL,
	"checks" integer NOT NULL,
	"hits" integer NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "database_checks_counts" CHECK ("hits" >= 0 and "hits" <= "checks")
);
--> statement-breakpoint
CREATE TABLE "licit_shipment_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"operation_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"country_code" text NOT NULL,
	"checked_on" date NOT NULL,
	"commodity_id" uuid NOT NULL,
	"shipments" integer NOT NULL,
	"quantity" numeric,
	"unit" "quantity_unit",
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "licit_shipment_checks_counts" CHECK ("shipments" >= 0 and ("quantity" is null) = ("unit" is null) and coalesce("quantity", 0) >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "database_checks_figure_key" ON "database_checks" ("operation_id","agency_id","checked_on","database");--> statement-breakpoint
CREATE INDEX "database_checks_operation_idx" ON "database_checks" ("operation_id","country_code");--> statement-breakpoint
CREATE UNIQUE INDEX "licit_shipment_checks_figure_key" ON "licit_shipment_checks" ("operation_id","agency_id","checked_on","commodity_id");--> statement-breakpoint
CREATE INDEX "licit_shipment_checks_operation_idx" ON "licit_shipment_checks" ("operation_id","country_code");--> statement-breakpoint
ALTER TABLE "database_checks" ADD CONSTRAINT "database_checks_operation_id_operations_id_fkey" FOREIGN KEY ("operation_id") REFERENCES "operations"("id");--> statement-breakpoint
ALTER TABLE "database_checks" ADD CONSTRAINT "database_checks_agency_id_agencies_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agencies"("id");--> statement-breakpoint
ALTER TABLE "database_checks" ADD CONSTRAINT "database_checks_recorded_by_users_id_fkey" FOREIGN KEY ("recorded_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "licit_shipment_checks" ADD CONSTRAINT "licit_shipment_checks_operation_id_operations_id_fkey" FOREIGN KEY ("operation_id") REFERENCES "operations"("id");--> statement-breakpoint
ALTER TABLE "licit_shipment_checks" ADD CONSTRAINT "licit_shipment_checks_agency_id_agencies_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agencies"("id");--> statement-breakpoint
ALTER TABLE "licit_shipment_checks" ADD CONSTRAINT "licit_shipment_checks_commodity_id_commodities_id_fkey" FOREIGN KEY ("commodity_id") REFERENCES "commodities"("id");--> statement-breakpoint
ALTER TABLE "licit_shipment_checks" ADD CONSTRAINT "licit_shipment_checks_recorded_by_users_id_fkey" FOREIGN KEY ("recorded_by") REFERENCES "users"("id");