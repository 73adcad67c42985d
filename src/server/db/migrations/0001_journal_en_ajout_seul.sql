-- The journal is append-only (securite-rgpd §3): no line is ever changed or removed.
-- RGPD redaction of personal fields will go through a dedicated function that sets
-- cnfs.redaction_journal for its own transaction only.
CREATE OR REPLACE FUNCTION journal_refuse_modification() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('cnfs.redaction_journal', true) = 'oui' THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'Le journal est en ajout seul : % refusé', TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER journal_ajout_seul
  BEFORE UPDATE OR DELETE ON journal
  FOR EACH ROW EXECUTE FUNCTION journal_refuse_modification();
--> statement-breakpoint
CREATE TRIGGER journal_ajout_seul_truncate
  BEFORE TRUNCATE ON journal
  FOR EACH STATEMENT EXECUTE FUNCTION journal_refuse_modification();
