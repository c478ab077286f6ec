ALTER TABLE "seizures" ADD COLUMN "arrests_by_nationality" jsonb DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE "seizures" ADD COLUMN "bonus" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "seizures" ADD COLUMN "interpol_notified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "seizures" ADD COLUMN "interpol_ncb_agency_id" uuid;--> statement-breakpoint
ALTER TABLE "seizures" ADD COLUMN "interpol_notices" jsonb DEFAULT '[]' NOT NULL;--> statement-breakpoint
DROP INDEX "seizures_results_idx";--> statement-breakpoint
CREATE INDEX "seizures_results_idx" ON "seizures" ("operation_id","status","country_code","commodity_id","unit","detection_method","transport_mode","bonus","quantity","arrests","seized_at","interpol_notified_at");--> statement-breakpoint
ALTER TABLE "seizures" ADD CONSTRAINT "seizures_interpol_ncb_agency_id_agencies_id_fkey" FOREIGN KEY ("interpol_ncb_agency_id") REFERENCES "agencies"("id");--> statement-breakpoint
ALTER TABLE "seizures" ADD CONSTRAINT "seizures_interpol_notified" CHECK ("interpol_ncb_agency_id" is null or "interpol_notified_at" is not null);--> statement-breakpoint
-- data migration
-- Until now a report's bonus was read from the operation's current targets: the stored flag
-- starts from those, the best knowledge of the targets at report time there is.
UPDATE "seizures" s SET "bonus" = (s."commodity_id" is null or not exists (
  select 1 from "operation_targets" t where t."operation_id" = s."operation_id" and t."commodity_id" = s."commodity_id"
));
