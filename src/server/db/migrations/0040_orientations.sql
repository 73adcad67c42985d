CREATE TABLE "orientation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"emetteur_id" uuid NOT NULL,
	"emetteur_role" text NOT NULL,
	"departement_emetteur" text,
	"lieu_id" uuid NOT NULL,
	"thematiques" text[] DEFAULT '{}' NOT NULL,
	"urgence" text NOT NULL,
	"precisions" text,
	"prenom" text,
	"nom" text,
	"email" text,
	"telephone" text,
	"statut" text NOT NULL,
	"redirections" integer DEFAULT 0 NOT NULL,
	"motif_redirection" text,
	"rendez_vous" timestamp with time zone,
	"atelier_id" uuid,
	"traitee_par" uuid,
	"cra_id" uuid,
	"cree_le" timestamp with time zone NOT NULL,
	"modifie_le" timestamp with time zone NOT NULL,
	"fin_le" timestamp with time zone,
	"contact_efface_le" timestamp with time zone,
	CONSTRAINT "orientation_cra_id_unique" UNIQUE("cra_id"),
	CONSTRAINT "orientation_statut_ck" CHECK ("orientation"."statut" in ('a_traiter', 'acceptee', 'vue', 'absente', 'sans_suite')),
	CONSTRAINT "orientation_urgence_ck" CHECK ("orientation"."urgence" in ('normale', 'urgente')),
	CONSTRAINT "orientation_contact_ck" CHECK ("orientation"."contact_efface_le" is not null or "orientation"."email" is not null or "orientation"."telephone" is not null)
);
--> statement-breakpoint
ALTER TABLE "orientation" ADD CONSTRAINT "orientation_emetteur_id_utilisateur_id_fk" FOREIGN KEY ("emetteur_id") REFERENCES "public"."utilisateur"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orientation" ADD CONSTRAINT "orientation_lieu_id_lieu_id_fk" FOREIGN KEY ("lieu_id") REFERENCES "public"."lieu"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orientation" ADD CONSTRAINT "orientation_atelier_id_atelier_id_fk" FOREIGN KEY ("atelier_id") REFERENCES "public"."atelier"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orientation" ADD CONSTRAINT "orientation_traitee_par_utilisateur_id_fk" FOREIGN KEY ("traitee_par") REFERENCES "public"."utilisateur"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orientation" ADD CONSTRAINT "orientation_cra_id_cra_id_fk" FOREIGN KEY ("cra_id") REFERENCES "public"."cra"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "orientation_lieu_idx" ON "orientation" USING btree ("lieu_id","statut");--> statement-breakpoint
CREATE INDEX "orientation_emetteur_idx" ON "orientation" USING btree ("emetteur_id","cree_le");--> statement-breakpoint
CREATE INDEX "orientation_fin_idx" ON "orientation" USING btree ("fin_le") WHERE "orientation"."contact_efface_le" is null;