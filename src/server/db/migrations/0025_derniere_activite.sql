CREATE TABLE "derniere_activite" (
	"conseiller_id" uuid PRIMARY KEY NOT NULL,
	"jour" date NOT NULL
);
--> statement-breakpoint
ALTER TABLE "derniere_activite" ADD CONSTRAINT "derniere_activite_conseiller_id_utilisateur_id_fk" FOREIGN KEY ("conseiller_id") REFERENCES "public"."utilisateur"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Statement triggers with transition tables: one grouped write per statement, so a COPY of
-- 100,000 reports costs one upsert, and a single report one small one.
CREATE FUNCTION derniere_activite_ajout() RETURNS trigger AS $$
BEGIN
  INSERT INTO derniere_activite (conseiller_id, jour)
  SELECT conseiller_id, max(date) FROM nouveaux GROUP BY conseiller_id
  ON CONFLICT (conseiller_id) DO UPDATE SET jour = excluded.jour
    WHERE derniere_activite.jour < excluded.jour;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- A removed or moved report may have been the last one: read those conseillers' reports again
-- (one probe of the (conseiller, date) index each).
CREATE FUNCTION derniere_activite_relire(conseillers uuid[]) RETURNS void AS $$
BEGIN
  WITH dernier AS (
    SELECT t.id AS conseiller_id,
           (SELECT max(c.date) FROM cra c WHERE c.conseiller_id = t.id) AS jour
    FROM unnest(conseillers) AS t(id)
  ), efface AS (
    DELETE FROM derniere_activite d USING dernier x
    WHERE d.conseiller_id = x.conseiller_id AND x.jour IS NULL
  )
  INSERT INTO derniere_activite (conseiller_id, jour)
  SELECT conseiller_id, jour FROM dernier WHERE jour IS NOT NULL
  ON CONFLICT (conseiller_id) DO UPDATE SET jour = excluded.jour;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE FUNCTION derniere_activite_retrait() RETURNS trigger AS $$
BEGIN
  PERFORM derniere_activite_relire(ARRAY(SELECT DISTINCT conseiller_id FROM anciens));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE FUNCTION derniere_activite_modification() RETURNS trigger AS $$
BEGIN
  PERFORM derniere_activite_relire(ARRAY(
    SELECT conseiller_id FROM anciens UNION SELECT conseiller_id FROM nouveaux));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE FUNCTION derniere_activite_vider() RETURNS trigger AS $$
BEGIN
  DELETE FROM derniere_activite;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER cra_derniere_activite_ajout AFTER INSERT ON cra
  REFERENCING NEW TABLE AS nouveaux FOR EACH STATEMENT EXECUTE FUNCTION derniere_activite_ajout();
--> statement-breakpoint
CREATE TRIGGER cra_derniere_activite_retrait AFTER DELETE ON cra
  REFERENCING OLD TABLE AS anciens FOR EACH STATEMENT EXECUTE FUNCTION derniere_activite_retrait();
--> statement-breakpoint
-- (PostgreSQL refuses a column list on a trigger with transition tables: any edit reads again.)
CREATE TRIGGER cra_derniere_activite_modification AFTER UPDATE ON cra
  REFERENCING OLD TABLE AS anciens NEW TABLE AS nouveaux
  FOR EACH STATEMENT EXECUTE FUNCTION derniere_activite_modification();
--> statement-breakpoint
CREATE TRIGGER cra_derniere_activite_vider AFTER TRUNCATE ON cra
  FOR EACH STATEMENT EXECUTE FUNCTION derniere_activite_vider();
--> statement-breakpoint
INSERT INTO derniere_activite (conseiller_id, jour)
SELECT conseiller_id, max(date) FROM cra GROUP BY conseiller_id;
