CREATE TABLE "beneficiaire" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conseiller_id" uuid NOT NULL,
	"structure_id" uuid,
	"prenom" text,
	"nom" text NOT NULL,
	"nom_normalise" text DEFAULT '' NOT NULL,
	"annee_naissance" integer,
	"commune_code" text,
	"telephone" text,
	"sans_telephone" boolean DEFAULT false NOT NULL,
	"email" text,
	"genre" text,
	"statut" text,
	"notes" text,
	"informe_le" timestamp with time zone NOT NULL,
	"informe_par" uuid NOT NULL,
	"partage_structure" boolean DEFAULT false NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "beneficiaire_genre_ck" CHECK ("beneficiaire"."genre" is null or "beneficiaire"."genre" in ('masculin', 'feminin', 'non_communique')),
	CONSTRAINT "beneficiaire_statut_ck" CHECK ("beneficiaire"."statut" is null or "beneficiaire"."statut" in ('scolarise', 'sans_emploi', 'en_emploi', 'retraite', 'non_communique')),
	CONSTRAINT "beneficiaire_telephone_ck" CHECK (not ("beneficiaire"."sans_telephone" and "beneficiaire"."telephone" is not null))
);
--> statement-breakpoint
ALTER TABLE "beneficiaire" ADD CONSTRAINT "beneficiaire_conseiller_id_utilisateur_id_fk" FOREIGN KEY ("conseiller_id") REFERENCES "public"."utilisateur"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beneficiaire" ADD CONSTRAINT "beneficiaire_structure_id_structure_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structure"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beneficiaire" ADD CONSTRAINT "beneficiaire_commune_code_commune_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."commune"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beneficiaire" ADD CONSTRAINT "beneficiaire_informe_par_utilisateur_id_fk" FOREIGN KEY ("informe_par") REFERENCES "public"."utilisateur"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "beneficiaire_conseiller_idx" ON "beneficiaire" USING btree ("conseiller_id");--> statement-breakpoint
CREATE INDEX "beneficiaire_nom_trgm_idx" ON "beneficiaire" USING gin ("nom_normalise" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "beneficiaire_structure_idx" ON "beneficiaire" USING btree ("structure_id") WHERE "beneficiaire"."partage_structure";