CREATE INDEX "contrat_poste_idx" ON "contrat" USING btree ("poste_id");--> statement-breakpoint
CREATE INDEX "stat_conseiller_jour_conseiller_jour_idx" ON "stat_conseiller_jour" USING btree ("conseiller_id","jour");--> statement-breakpoint
CREATE INDEX "stat_departement_jour_jour_idx" ON "stat_departement_jour" USING btree ("jour");