CREATE TABLE "lien_partage" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"jeton_hash" text NOT NULL,
	"utilisateur_id" uuid NOT NULL,
	"habilitation_id" uuid NOT NULL,
	"titre" text NOT NULL,
	"du" date NOT NULL,
	"au" date NOT NULL,
	"expire_le" date,
	"cree_le" timestamp with time zone NOT NULL,
	"revoque_le" timestamp with time zone,
	CONSTRAINT "lien_partage_jeton_hash_unique" UNIQUE("jeton_hash")
);
--> statement-breakpoint
ALTER TABLE "lien_partage" ADD CONSTRAINT "lien_partage_utilisateur_id_utilisateur_id_fk" FOREIGN KEY ("utilisateur_id") REFERENCES "public"."utilisateur"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lien_partage" ADD CONSTRAINT "lien_partage_habilitation_id_habilitation_id_fk" FOREIGN KEY ("habilitation_id") REFERENCES "public"."habilitation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lien_partage_utilisateur_idx" ON "lien_partage" USING btree ("utilisateur_id");