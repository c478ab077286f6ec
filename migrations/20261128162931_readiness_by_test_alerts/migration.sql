ALTER TABLE "participations" DROP CONSTRAINT "participations_readiness_confirmed_by_users_id_fkey";--> statement-breakpoint
ALTER TABLE "participations" DROP COLUMN "readiness_confirmed_at";--> statement-breakpoint
ALTER TABLE "participations" DROP COLUMN "readiness_confirmed_by";