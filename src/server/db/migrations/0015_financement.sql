CREATE TABLE "regle_versement" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"applicable_du" date NOT NULL,
	"avance_pourcent" integer NOT NULL,
	"periode_mois" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "versement" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"structure_id" uuid NOT NULL,
	"poste_id" uuid,
	"nature" text NOT NULL,
	"montant_cents" integer NOT NULL,
	"date" date NOT NULL,
	"reference" text NOT NULL,
	"corrige_id" uuid,
	"motif" text,
	"cree_par" uuid,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "versement_nature_ck" CHECK ("versement"."nature" in ('avance', 'solde', 'regularisation')),
	CONSTRAINT "versement_montant_ck" CHECK ("versement"."montant_cents" <> 0),
	CONSTRAINT "versement_correction_ck" CHECK ("versement"."corrige_id" is null or "versement"."nature" = 'regularisation')
);
--> statement-breakpoint
ALTER TABLE "versement" ADD CONSTRAINT "versement_structure_id_structure_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structure"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "versement" ADD CONSTRAINT "versement_poste_id_poste_id_fk" FOREIGN KEY ("poste_id") REFERENCES "public"."poste"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "versement" ADD CONSTRAINT "versement_corrige_id_versement_id_fk" FOREIGN KEY ("corrige_id") REFERENCES "public"."versement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "versement" ADD CONSTRAINT "versement_cree_par_utilisateur_id_fk" FOREIGN KEY ("cree_par") REFERENCES "public"."utilisateur"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "versement_poste_idx" ON "versement" USING btree ("poste_id");--> statement-breakpoint
CREATE INDEX "versement_structure_idx" ON "versement" USING btree ("structure_id");--> statement-breakpoint
-- Default until the financeur decides (roles-and-scopes.md, ledger): 20 % of the cap when the
-- recruitment is validated, the rest in arrears at the end of each calendar quarter.
INSERT INTO "regle_versement" ("applicable_du", "avance_pourcent", "periode_mois") VALUES ('2020-11-01', 20, 3);
