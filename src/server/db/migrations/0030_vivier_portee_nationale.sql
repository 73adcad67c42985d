-- A pool's total stops at 200. About 6 % of candidates accept any distance (2,000 km: their
-- whole territory), so in mainland France 201 of them available in time prove "more than 200"
-- without any spatial work: this index finds them by territory and availability date. Only
-- when there are fewer does the count read the GiST index of the candidates' reach, whose
-- bitmap holds the whole pool (thousands) before the limit applies.
CREATE INDEX candidature_portee_nationale_idx ON candidature
  ((CASE WHEN departement_code ~ '^9[78]' THEN departement_code ELSE 'metropole' END), date_disponibilite)
  WHERE statut = 'disponible' AND distance_max_km = 2000 AND latitude IS NOT NULL;
