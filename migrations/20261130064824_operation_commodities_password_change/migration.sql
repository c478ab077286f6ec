ALTER TABLE "commodities" DROP CONSTRAINT "commodities_code_key";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "must_change_password" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "commodities" ADD COLUMN "operation_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "commodities_code_key" ON "commodities" ("code") WHERE "operation_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "commodities_operation_code_key" ON "commodities" ("operation_id","code");--> statement-breakpoint
ALTER TABLE "commodities" ADD CONSTRAINT "commodities_operation_id_operations_id_fkey" FOREIGN KEY ("operation_id") REFERENCES "operations"("id");