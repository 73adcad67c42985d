-- The candidates' pool is searched by "whose reach covers this structure": each available
-- candidate's reach (a box of distance_max_km around the commune) is indexed with GiST, and the
-- exact great-circle distance is checked on the few rows the index returns.
CREATE EXTENSION IF NOT EXISTS cube;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS earthdistance;
--> statement-breakpoint
-- Wrappers with a fixed search_path: earthdistance 1.1 calls earth() unqualified, which index
-- maintenance (autovacuum, ANALYZE, restore) would not find under its restricted search_path.
CREATE FUNCTION point_terre(lat double precision, lon double precision) RETURNS cube
  LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = public, pg_catalog
  AS $$ SELECT ll_to_earth(lat, lon)::cube $$;
--> statement-breakpoint
-- The box is 0.2 % wider than the reach: earthdistance's sphere (6,378,168 m) is a little
-- larger than the mean radius used for distances, and the box must never miss a candidate.
CREATE FUNCTION portee_candidat(lat double precision, lon double precision, km integer) RETURNS cube
  LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = public, pg_catalog
  AS $$ SELECT earth_box(ll_to_earth(lat, lon), km * 1002.0) $$;
--> statement-breakpoint
-- Great-circle distance (haversine, mean Earth radius, as the domain's distanceKm), in plain SQL
-- so that it is inlined: it runs on every candidate the index returns.
CREATE FUNCTION distance_m(lat1 double precision, lon1 double precision, lat2 double precision, lon2 double precision) RETURNS double precision
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT 2 * 6371008.8 * asin(least(1, sqrt(
    power(sin(radians(lat2 - lat1) / 2), 2)
    + cos(radians(lat1)) * cos(radians(lat2)) * power(sin(radians(lon2 - lon1) / 2), 2)))) $$;
--> statement-breakpoint
CREATE INDEX candidature_portee_gist ON candidature
  USING gist (portee_candidat(latitude, longitude, distance_max_km))
  WHERE statut = 'disponible' AND latitude IS NOT NULL;
--> statement-breakpoint
INSERT INTO organisme_formation (nom, modalite, regions, contact) VALUES
  ('Consortium AFPA, Simplon et Espace Numérique Sud Charente', 'presentiel', '{75}', NULL),
  ('L''académie des Héro.ïne.s du Numérique (Webforce3)', 'distanciel', '{}', NULL);
