ALTER TABLE "lieu" ADD COLUMN "position_approximative" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "candidature" ADD COLUMN "position_approximative" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "structure" ADD COLUMN "position_approximative" boolean DEFAULT false NOT NULL;