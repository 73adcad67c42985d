CREATE TABLE "signalement_lieu" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lieu_id" uuid NOT NULL,
	"message" text NOT NULL,
	"courriel" text,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"traite_le" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "signalement_lieu" ADD CONSTRAINT "signalement_lieu_lieu_id_lieu_id_fk" FOREIGN KEY ("lieu_id") REFERENCES "public"."lieu"("id") ON DELETE no action ON UPDATE no action;