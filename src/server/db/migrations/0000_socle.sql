CREATE TABLE "commune" (
	"code" text PRIMARY KEY NOT NULL,
	"nom" text NOT NULL,
	"type" text NOT NULL,
	"departement_code" text NOT NULL,
	"region_code" text NOT NULL,
	"codes_postaux" text[] NOT NULL,
	"population" integer
);
--> statement-breakpoint
CREATE TABLE "courriel" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"destinataire" text NOT NULL,
	"objet" text NOT NULL,
	"texte" text NOT NULL,
	"html" text,
	"modele" text NOT NULL,
	"statut" text DEFAULT 'en_attente' NOT NULL,
	"tentatives" integer DEFAULT 0 NOT NULL,
	"erreur" text,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"envoye_le" timestamp with time zone,
	CONSTRAINT "courriel_statut_ck" CHECK ("courriel"."statut" in ('en_attente', 'envoye', 'journalise', 'echec'))
);
--> statement-breakpoint
CREATE TABLE "departement" (
	"code" text PRIMARY KEY NOT NULL,
	"nom" text NOT NULL,
	"region_code" text NOT NULL,
	"zone" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "habilitation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"utilisateur_id" uuid NOT NULL,
	"role" text NOT NULL,
	"perimetre" jsonb NOT NULL,
	"structure_id" uuid,
	"actif" boolean DEFAULT true NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"fin_le" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "jeton" (
	"hash" text PRIMARY KEY NOT NULL,
	"nature" text NOT NULL,
	"utilisateur_id" uuid NOT NULL,
	"email" text NOT NULL,
	"cree_le" timestamp with time zone NOT NULL,
	"expire_le" timestamp with time zone NOT NULL,
	"utilise_le" timestamp with time zone,
	CONSTRAINT "jeton_nature_ck" CHECK ("jeton"."nature" in ('connexion', 'invitation'))
);
--> statement-breakpoint
CREATE TABLE "journal" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"le" timestamp with time zone DEFAULT now() NOT NULL,
	"utilisateur_id" uuid,
	"habilitation_id" uuid,
	"role" text,
	"auteur" text NOT NULL,
	"action" text NOT NULL,
	"cible_type" text NOT NULL,
	"cible_id" text NOT NULL,
	"avant" jsonb,
	"apres" jsonb,
	"requete_id" text,
	"origine" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "journal_connexion" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"le" timestamp with time zone DEFAULT now() NOT NULL,
	"email" text,
	"proconnect_sub" text,
	"utilisateur_id" uuid,
	"methode" text NOT NULL,
	"ip" text,
	"reussite" boolean NOT NULL,
	"motif_echec" text
);
--> statement-breakpoint
CREATE TABLE "region" (
	"code" text PRIMARY KEY NOT NULL,
	"nom" text NOT NULL,
	"zone" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"utilisateur_id" uuid NOT NULL,
	"habilitation_id" uuid,
	"perimetre" jsonb,
	"methode" text NOT NULL,
	"id_token" text,
	"cree_le" timestamp with time zone NOT NULL,
	"derniere_activite" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "structure" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"siret" text,
	"nom" text NOT NULL,
	"type_juridique" text NOT NULL,
	"secteur" text NOT NULL,
	"commune_code" text NOT NULL,
	"departement_code" text NOT NULL,
	"region_code" text NOT NULL,
	"reseau" text,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "structure_secteur_ck" CHECK ("structure"."secteur" in ('public', 'prive'))
);
--> statement-breakpoint
CREATE TABLE "transaction_oidc" (
	"cle_hash" text PRIMARY KEY NOT NULL,
	"state" text NOT NULL,
	"nonce" text NOT NULL,
	"cree_le" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "utilisateur" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"prenom" text NOT NULL,
	"nom" text NOT NULL,
	"proconnect_sub" text,
	"actif" boolean DEFAULT true NOT NULL,
	"invitation_acceptee_le" timestamp with time zone,
	"derniere_connexion_le" timestamp with time zone,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "commune" ADD CONSTRAINT "commune_departement_code_departement_code_fk" FOREIGN KEY ("departement_code") REFERENCES "public"."departement"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commune" ADD CONSTRAINT "commune_region_code_region_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "departement" ADD CONSTRAINT "departement_region_code_region_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "habilitation" ADD CONSTRAINT "habilitation_utilisateur_id_utilisateur_id_fk" FOREIGN KEY ("utilisateur_id") REFERENCES "public"."utilisateur"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "habilitation" ADD CONSTRAINT "habilitation_structure_id_structure_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structure"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jeton" ADD CONSTRAINT "jeton_utilisateur_id_utilisateur_id_fk" FOREIGN KEY ("utilisateur_id") REFERENCES "public"."utilisateur"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_utilisateur_id_utilisateur_id_fk" FOREIGN KEY ("utilisateur_id") REFERENCES "public"."utilisateur"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_habilitation_id_habilitation_id_fk" FOREIGN KEY ("habilitation_id") REFERENCES "public"."habilitation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "structure" ADD CONSTRAINT "structure_commune_code_commune_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."commune"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "structure" ADD CONSTRAINT "structure_departement_code_departement_code_fk" FOREIGN KEY ("departement_code") REFERENCES "public"."departement"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "structure" ADD CONSTRAINT "structure_region_code_region_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commune_departement_idx" ON "commune" USING btree ("departement_code");--> statement-breakpoint
CREATE INDEX "courriel_statut_idx" ON "courriel" USING btree ("statut");--> statement-breakpoint
CREATE INDEX "habilitation_utilisateur_idx" ON "habilitation" USING btree ("utilisateur_id");--> statement-breakpoint
CREATE INDEX "habilitation_structure_idx" ON "habilitation" USING btree ("structure_id");--> statement-breakpoint
CREATE INDEX "jeton_email_idx" ON "jeton" USING btree ("email","cree_le");--> statement-breakpoint
CREATE INDEX "journal_cible_idx" ON "journal" USING btree ("cible_type","cible_id");--> statement-breakpoint
CREATE INDEX "journal_utilisateur_idx" ON "journal" USING btree ("utilisateur_id");--> statement-breakpoint
CREATE INDEX "journal_connexion_le_idx" ON "journal_connexion" USING btree ("le");--> statement-breakpoint
CREATE INDEX "session_utilisateur_idx" ON "session" USING btree ("utilisateur_id");--> statement-breakpoint
CREATE INDEX "structure_departement_idx" ON "structure" USING btree ("departement_code");--> statement-breakpoint
CREATE INDEX "structure_region_idx" ON "structure" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "structure_reseau_idx" ON "structure" USING btree ("reseau");--> statement-breakpoint
CREATE UNIQUE INDEX "utilisateur_email_uq" ON "utilisateur" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "utilisateur_proconnect_sub_uq" ON "utilisateur" USING btree ("proconnect_sub");