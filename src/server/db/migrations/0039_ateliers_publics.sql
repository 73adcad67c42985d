CREATE TABLE "atelier" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conseiller_id" uuid NOT NULL,
	"structure_id" uuid,
	"lieu_id" uuid NOT NULL,
	"titre" text NOT NULL,
	"thematiques" text[] DEFAULT '{}' NOT NULL,
	"niveau" text NOT NULL,
	"debut" timestamp with time zone NOT NULL,
	"duree_minutes" integer NOT NULL,
	"capacite" integer NOT NULL,
	"gratuit" boolean NOT NULL,
	"accessibilite" text,
	"annule_le" timestamp with time zone,
	"cra_id" uuid,
	"cree_le" timestamp with time zone NOT NULL,
	"modifie_le" timestamp with time zone NOT NULL,
	CONSTRAINT "atelier_niveau_ck" CHECK ("atelier"."niveau" in ('debutant', 'intermediaire', 'avance')),
	CONSTRAINT "atelier_duree_ck" CHECK ("atelier"."duree_minutes" between 15 and 480),
	CONSTRAINT "atelier_capacite_ck" CHECK ("atelier"."capacite" between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "inscription_atelier" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"atelier_id" uuid NOT NULL,
	"prenom" text NOT NULL,
	"email" text,
	"telephone" text,
	"statut" text NOT NULL,
	"rang" integer GENERATED ALWAYS AS IDENTITY (sequence name "inscription_atelier_rang_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"jeton_hash" text NOT NULL,
	"present" boolean,
	"rappel_le" timestamp with time zone,
	"cree_le" timestamp with time zone NOT NULL,
	"annule_le" timestamp with time zone,
	CONSTRAINT "inscription_atelier_jeton_hash_unique" UNIQUE("jeton_hash"),
	CONSTRAINT "inscription_atelier_statut_ck" CHECK ("inscription_atelier"."statut" in ('inscrite', 'attente', 'annulee')),
	CONSTRAINT "inscription_atelier_contact_ck" CHECK ("inscription_atelier"."email" is not null or "inscription_atelier"."telephone" is not null)
);
--> statement-breakpoint
ALTER TABLE "atelier" ADD CONSTRAINT "atelier_conseiller_id_utilisateur_id_fk" FOREIGN KEY ("conseiller_id") REFERENCES "public"."utilisateur"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "atelier" ADD CONSTRAINT "atelier_structure_id_structure_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structure"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "atelier" ADD CONSTRAINT "atelier_lieu_id_lieu_id_fk" FOREIGN KEY ("lieu_id") REFERENCES "public"."lieu"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "atelier" ADD CONSTRAINT "atelier_cra_id_cra_id_fk" FOREIGN KEY ("cra_id") REFERENCES "public"."cra"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inscription_atelier" ADD CONSTRAINT "inscription_atelier_atelier_id_atelier_id_fk" FOREIGN KEY ("atelier_id") REFERENCES "public"."atelier"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "atelier_debut_idx" ON "atelier" USING btree ("debut") WHERE "atelier"."annule_le" is null;--> statement-breakpoint
CREATE INDEX "atelier_lieu_idx" ON "atelier" USING btree ("lieu_id");--> statement-breakpoint
CREATE INDEX "atelier_conseiller_idx" ON "atelier" USING btree ("conseiller_id","debut");--> statement-breakpoint
CREATE INDEX "inscription_atelier_atelier_idx" ON "inscription_atelier" USING btree ("atelier_id","statut","rang");