-- Subsidy rules of the programme (docs/domaine/programme.md §5): the seeds' defaults, and the overseas
-- amounts of the original open data for public structures. Later phases are new rows.
INSERT INTO regle_subvention (secteur, territoires, phase, montant_cents, duree_mois, applicable_du) VALUES
  ('public', '{}', 1, 5000000, 24, '2020-11-17'),
  ('prive', '{}', 1, 4000000, 24, '2020-11-17'),
  ('public', '{971,972,973}', 1, 7000000, 24, '2020-11-17'),
  ('public', '{974,976}', 1, 6750000, 24, '2020-11-17');
