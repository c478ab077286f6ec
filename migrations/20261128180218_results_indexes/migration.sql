DROP INDEX "seizures_operation_status_idx";--> statement-breakpoint
DROP INDEX "seizures_operation_country_commodity_idx";--> statement-breakpoint
CREATE INDEX "seizures_results_idx" ON "seizures" ("operation_id","status","country_code","commodity_id","unit","detection_method","transport_mode","quantity","arrests","seized_at");