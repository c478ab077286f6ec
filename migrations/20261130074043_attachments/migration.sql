CREATE TABLE "attachment_chunks" (
	"attachment_id" uuid,
	"seq" integer,
	"bytes" bytea NOT NULL,
	CONSTRAINT "attachment_chunks_pkey" PRIMARY KEY("attachment_id","seq")
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"operation_id" uuid NOT NULL,
	"alert_id" uuid,
	"seizure_id" uuid,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "attachments_one_parent" CHECK (num_nonnulls("alert_id", "seizure_id") = 1)
);
--> statement-breakpoint
CREATE INDEX "attachments_alert_idx" ON "attachments" ("alert_id");--> statement-breakpoint
CREATE INDEX "attachments_seizure_idx" ON "attachments" ("seizure_id");--> statement-breakpoint
ALTER TABLE "attachment_chunks" ADD CONSTRAINT "attachment_chunks_attachment_id_attachments_id_fkey" FOREIGN KEY ("attachment_id") REFERENCES "attachments"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_operation_id_operations_id_fkey" FOREIGN KEY ("operation_id") REFERENCES "operations"("id");--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_alert_id_alerts_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alerts"("id");--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_seizure_id_seizures_id_fkey" FOREIGN KEY ("seizure_id") REFERENCES "seizures"("id");--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_users_id_fkey" FOREIGN KEY ("uploaded_by") REFERENCES "users"("id");