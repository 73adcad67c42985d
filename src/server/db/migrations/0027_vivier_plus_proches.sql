-- A structure's pool, nearest first: the GiST index on each available candidate's point walks
-- candidates by distance (KNN, `<->`) and stops at the page's end, instead of computing and
-- sorting the distance of every candidate whose reach covers the structure (thousands).
CREATE INDEX candidature_point_gist ON candidature
  USING gist (point_terre(latitude, longitude))
  WHERE statut = 'disponible' AND latitude IS NOT NULL;
