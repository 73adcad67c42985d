CREATE TABLE "ami" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"titre" text NOT NULL,
	"ouverture" date NOT NULL,
	"cloture" date,
	"types_eligibles" text[] NOT NULL,
	"statut" text DEFAULT 'brouillon' NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ami_statut_ck" CHECK ("ami"."statut" in ('brouillon', 'ouvert', 'clos'))
);
--> statement-breakpoint
CREATE TABLE "avis_prefet" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"demande_id" uuid NOT NULL,
	"avis" text NOT NULL,
	"commentaire" text NOT NULL,
	"structure_transfert_id" uuid,
	"auteur_id" uuid NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "avis_prefet_avis_ck" CHECK ("avis_prefet"."avis" in ('favorable', 'defavorable'))
);
--> statement-breakpoint
CREATE TABLE "decision_comite" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"demande_id" uuid NOT NULL,
	"session_comite_id" uuid,
	"issue" text NOT NULL,
	"postes_accordes" integer DEFAULT 0 NOT NULL,
	"auteur_id" uuid,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "decision_comite_issue_ck" CHECK ("decision_comite"."issue" in ('acceptee', 'refusee', 'complement'))
);
--> statement-breakpoint
CREATE TABLE "demande_postes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"structure_id" uuid NOT NULL,
	"ami_id" uuid,
	"nature" text NOT NULL,
	"statut" text NOT NULL,
	"postes_demandes" integer NOT NULL,
	"date_debut_souhaitee" date,
	"motivation" text,
	"coordinateur" text DEFAULT 'non' NOT NULL,
	"motif" text,
	"session_comite_id" uuid,
	"confirmation_hash" text,
	"confirmation_expire_le" timestamp with time zone,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "demande_postes_nature_ck" CHECK ("demande_postes"."nature" in ('initiale', 'ajout', 'retrait', 'coordinateur')),
	CONSTRAINT "demande_postes_statut_ck" CHECK ("demande_postes"."statut" in ('en_attente_confirmation', 'deposee', 'complement_demande', 'acceptee', 'refusee', 'retiree', 'annulee')),
	CONSTRAINT "demande_postes_postes_ck" CHECK ("demande_postes"."postes_demandes" >= 1)
);
--> statement-breakpoint
CREATE TABLE "poste" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"structure_id" uuid NOT NULL,
	"decision_id" uuid NOT NULL,
	"coordinateur" boolean DEFAULT false NOT NULL,
	"secteur" text NOT NULL,
	"regle_subvention_id" uuid,
	"plafond_cents" integer NOT NULL,
	"duree_mois" integer NOT NULL,
	"date_attribution" date NOT NULL,
	"date_limite_recrutement" date NOT NULL,
	"statut" text DEFAULT 'vacant' NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "poste_statut_ck" CHECK ("poste"."statut" in ('vacant', 'pourvu', 'rendu'))
);
--> statement-breakpoint
CREATE TABLE "regle_subvention" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"secteur" text NOT NULL,
	"territoires" text[] DEFAULT '{}' NOT NULL,
	"phase" integer DEFAULT 1 NOT NULL,
	"montant_cents" integer NOT NULL,
	"duree_mois" integer NOT NULL,
	"applicable_du" date NOT NULL,
	"applicable_au" date
);
--> statement-breakpoint
CREATE TABLE "session_comite" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"numero" integer NOT NULL,
	"date" date NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_comite_numero_unique" UNIQUE("numero")
);
--> statement-breakpoint
ALTER TABLE "structure" ADD COLUMN "adresse" text;--> statement-breakpoint
ALTER TABLE "structure" ADD COLUMN "contact_prenom" text;--> statement-breakpoint
ALTER TABLE "structure" ADD COLUMN "contact_nom" text;--> statement-breakpoint
ALTER TABLE "structure" ADD COLUMN "contact_fonction" text;--> statement-breakpoint
ALTER TABLE "structure" ADD COLUMN "contact_email" text;--> statement-breakpoint
ALTER TABLE "structure" ADD COLUMN "contact_telephone" text;--> statement-breakpoint
ALTER TABLE "avis_prefet" ADD CONSTRAINT "avis_prefet_demande_id_demande_postes_id_fk" FOREIGN KEY ("demande_id") REFERENCES "public"."demande_postes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "avis_prefet" ADD CONSTRAINT "avis_prefet_structure_transfert_id_structure_id_fk" FOREIGN KEY ("structure_transfert_id") REFERENCES "public"."structure"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "avis_prefet" ADD CONSTRAINT "avis_prefet_auteur_id_utilisateur_id_fk" FOREIGN KEY ("auteur_id") REFERENCES "public"."utilisateur"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_comite" ADD CONSTRAINT "decision_comite_demande_id_demande_postes_id_fk" FOREIGN KEY ("demande_id") REFERENCES "public"."demande_postes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_comite" ADD CONSTRAINT "decision_comite_session_comite_id_session_comite_id_fk" FOREIGN KEY ("session_comite_id") REFERENCES "public"."session_comite"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_comite" ADD CONSTRAINT "decision_comite_auteur_id_utilisateur_id_fk" FOREIGN KEY ("auteur_id") REFERENCES "public"."utilisateur"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demande_postes" ADD CONSTRAINT "demande_postes_structure_id_structure_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structure"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demande_postes" ADD CONSTRAINT "demande_postes_ami_id_ami_id_fk" FOREIGN KEY ("ami_id") REFERENCES "public"."ami"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demande_postes" ADD CONSTRAINT "demande_postes_session_comite_id_session_comite_id_fk" FOREIGN KEY ("session_comite_id") REFERENCES "public"."session_comite"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poste" ADD CONSTRAINT "poste_structure_id_structure_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structure"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poste" ADD CONSTRAINT "poste_decision_id_decision_comite_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decision_comite"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poste" ADD CONSTRAINT "poste_regle_subvention_id_regle_subvention_id_fk" FOREIGN KEY ("regle_subvention_id") REFERENCES "public"."regle_subvention"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "avis_prefet_demande_idx" ON "avis_prefet" USING btree ("demande_id","cree_le");--> statement-breakpoint
CREATE INDEX "decision_comite_demande_idx" ON "decision_comite" USING btree ("demande_id");--> statement-breakpoint
CREATE INDEX "demande_postes_structure_idx" ON "demande_postes" USING btree ("structure_id");--> statement-breakpoint
CREATE INDEX "demande_postes_statut_idx" ON "demande_postes" USING btree ("statut");--> statement-breakpoint
CREATE UNIQUE INDEX "demande_postes_confirmation_uq" ON "demande_postes" USING btree ("confirmation_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "demande_postes_ami_uq" ON "demande_postes" USING btree ("structure_id","ami_id") WHERE "demande_postes"."nature" = 'initiale' and "demande_postes"."statut" <> 'annulee';--> statement-breakpoint
CREATE INDEX "poste_structure_idx" ON "poste" USING btree ("structure_id");--> statement-breakpoint
CREATE UNIQUE INDEX "structure_siret_uq" ON "structure" USING btree ("siret");