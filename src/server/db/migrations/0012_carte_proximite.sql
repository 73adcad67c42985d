-- The public map asks for the places nearest a point: a GiST index on each visible place's
-- point on the sphere serves both the radius box (<@ earth_box) and the nearest-first order
-- (<->, the chord distance, which orders like the great-circle distance).
CREATE INDEX lieu_point_gist ON lieu USING gist (point_terre(latitude, longitude))
  WHERE visible_carte AND latitude IS NOT NULL AND longitude IS NOT NULL;
