ALTER TABLE "commune" ADD COLUMN "latitude" double precision;--> statement-breakpoint
ALTER TABLE "commune" ADD COLUMN "longitude" double precision;--> statement-breakpoint
ALTER TABLE "commune" ADD COLUMN "nom_normalise" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "commune" ADD COLUMN "parent_code" text;--> statement-breakpoint
-- Commune search compares trigrams of the normalised name: "Chambery", "St Etienne" and
-- "Aix les bains" find their commune, ranked by similarity then population.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX commune_nom_trgm ON commune USING gin (nom_normalise gin_trgm_ops);--> statement-breakpoint
CREATE INDEX commune_codes_postaux_gin ON commune USING gin (codes_postaux);
