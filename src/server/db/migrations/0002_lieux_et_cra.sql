CREATE TABLE "cra" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conseiller_id" uuid NOT NULL,
	"structure_id" uuid,
	"type" text NOT NULL,
	"public" text DEFAULT 'particulier' NOT NULL,
	"date" date NOT NULL,
	"duree_minutes" integer NOT NULL,
	"type_lieu" text NOT NULL,
	"lieu_id" uuid,
	"commune_code" text,
	"departement_code" text,
	"nb_participants" integer NOT NULL,
	"deja_accompagnes" integer DEFAULT 0 NOT NULL,
	"ages" jsonb NOT NULL,
	"statuts" jsonb NOT NULL,
	"genres" jsonb NOT NULL,
	"thematiques" text[] NOT NULL,
	"precisions_demarche" text,
	"materiel" text[] DEFAULT '{}' NOT NULL,
	"autonomie" text,
	"oriente" boolean DEFAULT false NOT NULL,
	"structure_redirection" text,
	"titre_atelier" text,
	"niveau" text,
	"notes" text,
	"origine_v1" jsonb,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cra_type_ck" CHECK ("cra"."type" in ('individuel', 'collectif', 'ponctuel')),
	CONSTRAINT "cra_public_ck" CHECK ("cra"."public" in ('particulier', 'professionnel', 'association')),
	CONSTRAINT "cra_type_lieu_ck" CHECK ("cra"."type_lieu" in ('lieu_activite', 'domicile', 'a_distance', 'autre')),
	CONSTRAINT "cra_duree_ck" CHECK ("cra"."duree_minutes" between 1 and 1439),
	CONSTRAINT "cra_participants_ck" CHECK ("cra"."nb_participants" >= 1 and "cra"."deja_accompagnes" between 0 and "cra"."nb_participants"),
	CONSTRAINT "cra_thematiques_ck" CHECK (cardinality("cra"."thematiques") >= 1)
);
--> statement-breakpoint
CREATE TABLE "lieu" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pivot" text NOT NULL,
	"nom" text NOT NULL,
	"adresse" text NOT NULL,
	"complement_adresse" text,
	"code_postal" text NOT NULL,
	"commune_code" text NOT NULL,
	"departement_code" text NOT NULL,
	"region_code" text NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"typologies" text[] DEFAULT '{}' NOT NULL,
	"telephone" text,
	"courriels" text[] DEFAULT '{}' NOT NULL,
	"sites_web" text[] DEFAULT '{}' NOT NULL,
	"horaires" text,
	"presentation_resume" text,
	"presentation_detail" text,
	"source" text,
	"itinerance" text[] DEFAULT '{}' NOT NULL,
	"structure_parente" text,
	"services" text[] DEFAULT '{}' NOT NULL,
	"publics_specifiquement_adresses" text[] DEFAULT '{}' NOT NULL,
	"prise_en_charge_specifique" text[] DEFAULT '{}' NOT NULL,
	"frais_a_charge" text[] DEFAULT '{}' NOT NULL,
	"dispositif_programmes_nationaux" text[] DEFAULT '{}' NOT NULL,
	"formations_labels" text[] DEFAULT '{}' NOT NULL,
	"autres_formations_labels" text[] DEFAULT '{}' NOT NULL,
	"modalites_acces" text[] DEFAULT '{}' NOT NULL,
	"modalites_accompagnement" text[] DEFAULT '{}' NOT NULL,
	"fiche_acces_libre" text,
	"prise_rdv" text,
	"visible_carte" boolean DEFAULT true NOT NULL,
	"date_maj" date NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lieu_conseiller" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lieu_id" uuid NOT NULL,
	"conseiller_id" uuid NOT NULL,
	"nature" text NOT NULL,
	"debut" date NOT NULL,
	"fin" date,
	CONSTRAINT "lieu_conseiller_nature_ck" CHECK ("lieu_conseiller"."nature" in ('principal', 'secondaire', 'itinerant'))
);
--> statement-breakpoint
ALTER TABLE "cra" ADD CONSTRAINT "cra_conseiller_id_utilisateur_id_fk" FOREIGN KEY ("conseiller_id") REFERENCES "public"."utilisateur"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cra" ADD CONSTRAINT "cra_structure_id_structure_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structure"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cra" ADD CONSTRAINT "cra_lieu_id_lieu_id_fk" FOREIGN KEY ("lieu_id") REFERENCES "public"."lieu"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cra" ADD CONSTRAINT "cra_commune_code_commune_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."commune"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cra" ADD CONSTRAINT "cra_departement_code_departement_code_fk" FOREIGN KEY ("departement_code") REFERENCES "public"."departement"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lieu" ADD CONSTRAINT "lieu_commune_code_commune_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."commune"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lieu" ADD CONSTRAINT "lieu_departement_code_departement_code_fk" FOREIGN KEY ("departement_code") REFERENCES "public"."departement"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lieu" ADD CONSTRAINT "lieu_region_code_region_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lieu_conseiller" ADD CONSTRAINT "lieu_conseiller_lieu_id_lieu_id_fk" FOREIGN KEY ("lieu_id") REFERENCES "public"."lieu"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lieu_conseiller" ADD CONSTRAINT "lieu_conseiller_conseiller_id_utilisateur_id_fk" FOREIGN KEY ("conseiller_id") REFERENCES "public"."utilisateur"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cra_conseiller_date_idx" ON "cra" USING btree ("conseiller_id","date");--> statement-breakpoint
CREATE INDEX "cra_departement_date_idx" ON "cra" USING btree ("departement_code","date");--> statement-breakpoint
CREATE INDEX "lieu_commune_idx" ON "lieu" USING btree ("commune_code");--> statement-breakpoint
CREATE INDEX "lieu_departement_idx" ON "lieu" USING btree ("departement_code");--> statement-breakpoint
CREATE INDEX "lieu_pivot_idx" ON "lieu" USING btree ("pivot");--> statement-breakpoint
CREATE INDEX "lieu_conseiller_conseiller_idx" ON "lieu_conseiller" USING btree ("conseiller_id");--> statement-breakpoint
CREATE INDEX "lieu_conseiller_lieu_idx" ON "lieu_conseiller" USING btree ("lieu_id");--> statement-breakpoint
CREATE UNIQUE INDEX "lieu_conseiller_principal_uq" ON "lieu_conseiller" USING btree ("conseiller_id") WHERE "lieu_conseiller"."nature" = 'principal' and "lieu_conseiller"."fin" is null;