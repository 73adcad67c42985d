CREATE TABLE "membre_equipe" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"coordinateur_id" uuid NOT NULL,
	"email" text NOT NULL,
	"conseiller_id" uuid,
	"statut" text NOT NULL,
	"invite_le" timestamp with time zone NOT NULL,
	"relance_le" timestamp with time zone,
	"accepte_le" timestamp with time zone,
	"archive_le" timestamp with time zone,
	CONSTRAINT "membre_equipe_statut_ck" CHECK ("membre_equipe"."statut" in ('invite', 'membre', 'archive'))
);
--> statement-breakpoint
ALTER TABLE "membre_equipe" ADD CONSTRAINT "membre_equipe_coordinateur_id_utilisateur_id_fk" FOREIGN KEY ("coordinateur_id") REFERENCES "public"."utilisateur"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membre_equipe" ADD CONSTRAINT "membre_equipe_conseiller_id_utilisateur_id_fk" FOREIGN KEY ("conseiller_id") REFERENCES "public"."utilisateur"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "membre_equipe_vivant_uq" ON "membre_equipe" USING btree ("coordinateur_id","email") WHERE "membre_equipe"."statut" <> 'archive';--> statement-breakpoint
CREATE INDEX "membre_equipe_email_idx" ON "membre_equipe" USING btree ("email");