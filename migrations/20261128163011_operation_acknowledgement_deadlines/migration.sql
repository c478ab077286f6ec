-- Operations created before deadlines were per operation keep the defaults they were run with.
ALTER TABLE "operations" ADD COLUMN "acknowledgement_minutes" jsonb NOT NULL DEFAULT '{"CRITICAL":15,"HIGH":60,"MEDIUM":240,"LOW":1440}'::jsonb;--> statement-breakpoint
ALTER TABLE "operations" ALTER COLUMN "acknowledgement_minutes" DROP DEFAULT;
