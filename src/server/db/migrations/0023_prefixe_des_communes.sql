-- Suggestions as a person types: names starting with the typed text, whatever the collation.
CREATE INDEX commune_nom_prefixe ON commune (nom_normalise text_pattern_ops);
