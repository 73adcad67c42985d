CREATE TABLE "version_donnees" (
	"nom" text PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO version_donnees (nom, version) VALUES ('pilotage', 0);
--> statement-breakpoint
-- The dashboards' post counts are computed from these tables: any statement that writes one
-- of them raises the version, in its own transaction (readers see it with the data).
CREATE FUNCTION version_pilotage_suivante() RETURNS trigger AS $$
BEGIN
  UPDATE version_donnees SET version = version + 1 WHERE nom = 'pilotage';
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['poste', 'contrat', 'formation', 'certification', 'decision_comite',
                           'avis_prefet', 'demande_postes', 'structure', 'commune'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
                   'FOR EACH STATEMENT EXECUTE FUNCTION version_pilotage_suivante()',
                   t || '_version_pilotage', t);
  END LOOP;
END;
$$;
--> statement-breakpoint
-- A sign-in updates `derniere_connexion_le` each time; only the first one changes a count.
CREATE TRIGGER utilisateur_version_pilotage AFTER UPDATE OF derniere_connexion_le ON utilisateur
  FOR EACH ROW
  WHEN ((OLD.derniere_connexion_le IS NULL) <> (NEW.derniere_connexion_le IS NULL))
  EXECUTE FUNCTION version_pilotage_suivante();
