CREATE TABLE "lieu_identifiant_source" (
	"source" text NOT NULL,
	"id_source" text NOT NULL,
	"lieu_id" uuid NOT NULL,
	CONSTRAINT "lieu_identifiant_source_source_id_source_pk" PRIMARY KEY("source","id_source")
);
--> statement-breakpoint
ALTER TABLE "lieu_identifiant_source" ADD CONSTRAINT "lieu_identifiant_source_lieu_id_lieu_id_fk" FOREIGN KEY ("lieu_id") REFERENCES "public"."lieu"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lieu_identifiant_source_lieu_idx" ON "lieu_identifiant_source" USING btree ("lieu_id");