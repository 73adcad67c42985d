ALTER TABLE "structure" ADD COLUMN "latitude" double precision;--> statement-breakpoint
ALTER TABLE "structure" ADD COLUMN "longitude" double precision;