CREATE TABLE "cra_coordination" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"coordinateur_id" uuid NOT NULL,
	"type" text NOT NULL,
	"date" date NOT NULL,
	"duree_minutes" integer NOT NULL,
	"notes" text,
	"participant_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"thematiques" text[] DEFAULT '{}' NOT NULL,
	"titre" text,
	"commune_code" text,
	"nb_participants" integer,
	"partenaires" text,
	"structure_partenaire" text,
	"type_partenaire" text,
	"sujet" text,
	"cree_le" timestamp with time zone NOT NULL,
	"modifie_le" timestamp with time zone NOT NULL,
	CONSTRAINT "cra_coordination_type_ck" CHECK ("cra_coordination"."type" in ('animation', 'evenement', 'partenariat')),
	CONSTRAINT "cra_coordination_duree_ck" CHECK ("cra_coordination"."duree_minutes" between 1 and 1439),
	CONSTRAINT "cra_coordination_champs_ck" CHECK (case "cra_coordination"."type"
        when 'animation' then cardinality("cra_coordination"."participant_ids") >= 1
        when 'evenement' then "cra_coordination"."titre" is not null and "cra_coordination"."commune_code" is not null
          and "cra_coordination"."nb_participants" >= 1
        when 'partenariat' then "cra_coordination"."structure_partenaire" is not null and "cra_coordination"."sujet" is not null
          and "cra_coordination"."type_partenaire" in ('collectivite', 'administration', 'association', 'entreprise', 'autre')
        else false end)
);
--> statement-breakpoint
ALTER TABLE "cra_coordination" ADD CONSTRAINT "cra_coordination_coordinateur_id_utilisateur_id_fk" FOREIGN KEY ("coordinateur_id") REFERENCES "public"."utilisateur"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cra_coordination" ADD CONSTRAINT "cra_coordination_commune_code_commune_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."commune"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cra_coordination_coordinateur_date_idx" ON "cra_coordination" USING btree ("coordinateur_id","date");--> statement-breakpoint
CREATE INDEX "cra_coordination_date_idx" ON "cra_coordination" USING btree ("date");