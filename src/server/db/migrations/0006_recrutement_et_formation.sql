CREATE TABLE "certification" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"utilisateur_id" uuid NOT NULL,
	"type" text NOT NULL,
	"statut" text NOT NULL,
	"date_examen" date,
	"niveaux_pix" jsonb,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "certification_type_ck" CHECK ("certification"."type" in ('ccp1', 'pix')),
	CONSTRAINT "certification_statut_ck" CHECK ("certification"."statut" in ('a_passer', 'obtenue', 'echouee', 'absence_justifiee', 'absence_non_justifiee'))
);
--> statement-breakpoint
CREATE TABLE "formation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contrat_id" uuid NOT NULL,
	"utilisateur_id" uuid NOT NULL,
	"organisme_formation_id" uuid,
	"modalite" text,
	"statut" text NOT NULL,
	"date_inscription" date,
	"date_positionnement" date,
	"parcours_heures" integer,
	"date_debut_prevue" date,
	"date_fin_prevue" date,
	"date_debut_reelle" date,
	"date_fin_reelle" date,
	"heures_realisees" integer DEFAULT 0 NOT NULL,
	"motif" text,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "formation_contrat_id_unique" UNIQUE("contrat_id"),
	CONSTRAINT "formation_statut_ck" CHECK ("formation"."statut" in ('a_inscrire', 'inscrite', 'positionnee', 'en_cours', 'terminee', 'abandonnee', 'dispensee')),
	CONSTRAINT "formation_modalite_ck" CHECK ("formation"."modalite" is null or "formation"."modalite" in ('presentiel', 'distanciel', 'mixte')),
	CONSTRAINT "formation_dates_prevues_ck" CHECK ("formation"."date_fin_prevue" is null or "formation"."date_debut_prevue" is null or "formation"."date_fin_prevue" >= "formation"."date_debut_prevue"),
	CONSTRAINT "formation_heures_ck" CHECK ("formation"."heures_realisees" >= 0 and ("formation"."parcours_heures" is null or "formation"."heures_realisees" <= "formation"."parcours_heures"))
);
--> statement-breakpoint
CREATE TABLE "organisme_formation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nom" text NOT NULL,
	"siret" text,
	"regions" text[] DEFAULT '{}' NOT NULL,
	"modalite" text NOT NULL,
	"contact" text,
	CONSTRAINT "organisme_formation_nom_unique" UNIQUE("nom")
);
--> statement-breakpoint
CREATE TABLE "candidature" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"utilisateur_id" uuid,
	"statut" text NOT NULL,
	"telephone" text,
	"commune_code" text,
	"departement_code" text NOT NULL,
	"region_code" text NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"situations" text[] DEFAULT '{}' NOT NULL,
	"diplome" text,
	"date_disponibilite" date NOT NULL,
	"distance_max_km" integer NOT NULL,
	"motivation" text,
	"pix" jsonb,
	"modification_en_attente" jsonb,
	"confirmation_hash" text,
	"confirmation_expire_le" timestamp with time zone,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "candidature_statut_ck" CHECK ("candidature"."statut" in ('en_attente_confirmation', 'disponible', 'indisponible', 'en_poste', 'supprimee')),
	CONSTRAINT "candidature_distance_ck" CHECK ("candidature"."distance_max_km" in (5, 10, 15, 20, 40, 100, 2000))
);
--> statement-breakpoint
CREATE TABLE "contrat" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"utilisateur_id" uuid NOT NULL,
	"candidature_id" uuid NOT NULL,
	"structure_id" uuid NOT NULL,
	"poste_id" uuid NOT NULL,
	"mise_en_relation_id" uuid,
	"renouvelle_contrat_id" uuid,
	"type" text NOT NULL,
	"date_debut" date NOT NULL,
	"date_fin" date,
	"salaire_brut_mensuel_cents" integer NOT NULL,
	"heures_hebdo" integer NOT NULL,
	"coordinateur" boolean DEFAULT false NOT NULL,
	"date_declaration" date NOT NULL,
	"date_limite_signature" date NOT NULL,
	"date_signature" date,
	"statut" text NOT NULL,
	"motif_refus" text,
	"motif_fin" text,
	"date_fin_effective" date,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contrat_type_ck" CHECK ("contrat"."type" in ('cdi', 'cdd', 'pec', 'contrat_de_projet_public')),
	CONSTRAINT "contrat_statut_ck" CHECK ("contrat"."statut" in ('declare', 'annule', 'refuse', 'actif', 'termine')),
	CONSTRAINT "contrat_motif_fin_ck" CHECK ("contrat"."motif_fin" is null or "contrat"."motif_fin" in ('rupture', 'renouvellement', 'echeance')),
	CONSTRAINT "contrat_dates_ck" CHECK ("contrat"."date_fin" is null or "contrat"."date_fin" > "contrat"."date_debut"),
	CONSTRAINT "contrat_fin_cdi_ck" CHECK ("contrat"."type" = 'cdi' or "contrat"."date_fin" is not null)
);
--> statement-breakpoint
CREATE TABLE "cv" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"candidature_id" uuid NOT NULL,
	"en_attente" boolean DEFAULT false NOT NULL,
	"nom" text NOT NULL,
	"taille" integer NOT NULL,
	"contenu_chiffre" "bytea" NOT NULL,
	"depose_le" timestamp with time zone NOT NULL,
	"expire_le" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "demande_prolongation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contrat_id" uuid NOT NULL,
	"nouvelle_date_fin" date NOT NULL,
	"salaire_brut_mensuel_cents" integer,
	"statut" text NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "demande_prolongation_statut_ck" CHECK ("demande_prolongation"."statut" in ('deposee', 'acceptee', 'refusee'))
);
--> statement-breakpoint
CREATE TABLE "mise_en_relation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"structure_id" uuid NOT NULL,
	"candidature_id" uuid NOT NULL,
	"origine" text NOT NULL,
	"statut" text NOT NULL,
	"distance_m" integer,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mise_en_relation_origine_ck" CHECK ("mise_en_relation"."origine" in ('matching', 'manuelle')),
	CONSTRAINT "mise_en_relation_statut_ck" CHECK ("mise_en_relation"."statut" in ('proposee', 'preselectionnee', 'ecartee', 'retenue', 'caduque'))
);
--> statement-breakpoint
CREATE TABLE "rappel" (
	"nature" text NOT NULL,
	"cible_id" uuid NOT NULL,
	"echeance" date NOT NULL,
	"niveau" text NOT NULL,
	"envoye_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rupture" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contrat_id" uuid NOT NULL,
	"date_rupture" date NOT NULL,
	"motif" text NOT NULL,
	"documents" text[] DEFAULT '{}' NOT NULL,
	"statut" text NOT NULL,
	"commentaire" text,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rupture_motif_ck" CHECK ("rupture"."motif" in ('licenciement', 'non_reconduction_cdd', 'demission', 'cdisation', 'fin_de_subventionnement')),
	CONSTRAINT "rupture_statut_ck" CHECK ("rupture"."statut" in ('declaree', 'incomplete', 'retiree', 'validee'))
);
--> statement-breakpoint
ALTER TABLE "certification" ADD CONSTRAINT "certification_utilisateur_id_utilisateur_id_fk" FOREIGN KEY ("utilisateur_id") REFERENCES "public"."utilisateur"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "formation" ADD CONSTRAINT "formation_contrat_id_contrat_id_fk" FOREIGN KEY ("contrat_id") REFERENCES "public"."contrat"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "formation" ADD CONSTRAINT "formation_utilisateur_id_utilisateur_id_fk" FOREIGN KEY ("utilisateur_id") REFERENCES "public"."utilisateur"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "formation" ADD CONSTRAINT "formation_organisme_formation_id_organisme_formation_id_fk" FOREIGN KEY ("organisme_formation_id") REFERENCES "public"."organisme_formation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidature" ADD CONSTRAINT "candidature_utilisateur_id_utilisateur_id_fk" FOREIGN KEY ("utilisateur_id") REFERENCES "public"."utilisateur"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidature" ADD CONSTRAINT "candidature_commune_code_commune_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."commune"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidature" ADD CONSTRAINT "candidature_departement_code_departement_code_fk" FOREIGN KEY ("departement_code") REFERENCES "public"."departement"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidature" ADD CONSTRAINT "candidature_region_code_region_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contrat" ADD CONSTRAINT "contrat_utilisateur_id_utilisateur_id_fk" FOREIGN KEY ("utilisateur_id") REFERENCES "public"."utilisateur"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contrat" ADD CONSTRAINT "contrat_candidature_id_candidature_id_fk" FOREIGN KEY ("candidature_id") REFERENCES "public"."candidature"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contrat" ADD CONSTRAINT "contrat_structure_id_structure_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structure"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contrat" ADD CONSTRAINT "contrat_poste_id_poste_id_fk" FOREIGN KEY ("poste_id") REFERENCES "public"."poste"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contrat" ADD CONSTRAINT "contrat_mise_en_relation_id_mise_en_relation_id_fk" FOREIGN KEY ("mise_en_relation_id") REFERENCES "public"."mise_en_relation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cv" ADD CONSTRAINT "cv_candidature_id_candidature_id_fk" FOREIGN KEY ("candidature_id") REFERENCES "public"."candidature"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demande_prolongation" ADD CONSTRAINT "demande_prolongation_contrat_id_contrat_id_fk" FOREIGN KEY ("contrat_id") REFERENCES "public"."contrat"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mise_en_relation" ADD CONSTRAINT "mise_en_relation_structure_id_structure_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structure"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mise_en_relation" ADD CONSTRAINT "mise_en_relation_candidature_id_candidature_id_fk" FOREIGN KEY ("candidature_id") REFERENCES "public"."candidature"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rupture" ADD CONSTRAINT "rupture_contrat_id_contrat_id_fk" FOREIGN KEY ("contrat_id") REFERENCES "public"."contrat"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "certification_utilisateur_idx" ON "certification" USING btree ("utilisateur_id","type","cree_le");--> statement-breakpoint
CREATE INDEX "formation_utilisateur_idx" ON "formation" USING btree ("utilisateur_id");--> statement-breakpoint
CREATE UNIQUE INDEX "candidature_utilisateur_uq" ON "candidature" USING btree ("utilisateur_id");--> statement-breakpoint
CREATE UNIQUE INDEX "candidature_confirmation_uq" ON "candidature" USING btree ("confirmation_hash");--> statement-breakpoint
CREATE INDEX "candidature_statut_idx" ON "candidature" USING btree ("statut");--> statement-breakpoint
CREATE INDEX "contrat_structure_idx" ON "contrat" USING btree ("structure_id");--> statement-breakpoint
CREATE INDEX "contrat_utilisateur_idx" ON "contrat" USING btree ("utilisateur_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contrat_poste_actif_uq" ON "contrat" USING btree ("poste_id") WHERE "contrat"."statut" = 'actif';--> statement-breakpoint
CREATE UNIQUE INDEX "contrat_poste_declare_uq" ON "contrat" USING btree ("poste_id") WHERE "contrat"."statut" = 'declare';--> statement-breakpoint
CREATE UNIQUE INDEX "contrat_personne_actif_uq" ON "contrat" USING btree ("utilisateur_id") WHERE "contrat"."statut" = 'actif';--> statement-breakpoint
CREATE UNIQUE INDEX "cv_candidature_uq" ON "cv" USING btree ("candidature_id","en_attente");--> statement-breakpoint
CREATE UNIQUE INDEX "demande_prolongation_en_cours_uq" ON "demande_prolongation" USING btree ("contrat_id") WHERE "demande_prolongation"."statut" = 'deposee';--> statement-breakpoint
CREATE UNIQUE INDEX "mise_en_relation_uq" ON "mise_en_relation" USING btree ("structure_id","candidature_id");--> statement-breakpoint
CREATE INDEX "mise_en_relation_candidature_idx" ON "mise_en_relation" USING btree ("candidature_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rappel_uq" ON "rappel" USING btree ("nature","cible_id","echeance","niveau");--> statement-breakpoint
CREATE INDEX "rupture_contrat_idx" ON "rupture" USING btree ("contrat_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rupture_en_cours_uq" ON "rupture" USING btree ("contrat_id") WHERE "rupture"."statut" in ('declaree', 'incomplete');