CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
DROP INDEX "beneficiaire_nom_trgm_idx";--> statement-breakpoint
CREATE INDEX "beneficiaire_conseiller_nom_trgm_idx" ON "beneficiaire" USING gist ("conseiller_id","nom_normalise" gist_trgm_ops);--> statement-breakpoint
CREATE INDEX "beneficiaire_telephone_idx" ON "beneficiaire" USING btree ("telephone") WHERE "beneficiaire"."telephone" is not null;--> statement-breakpoint
CREATE INDEX "beneficiaire_email_idx" ON "beneficiaire" USING btree ("email") WHERE "beneficiaire"."email" is not null;--> statement-breakpoint
CREATE INDEX "beneficiaire_structure_nom_trgm_idx" ON "beneficiaire" USING gist ("structure_id","nom_normalise" gist_trgm_ops) WHERE "beneficiaire"."partage_structure";