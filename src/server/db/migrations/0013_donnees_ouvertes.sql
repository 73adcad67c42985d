CREATE TABLE "donnee_ouverte" (
	"nom" text NOT NULL,
	"format" text NOT NULL,
	"contenu" text NOT NULL,
	"etag" text NOT NULL,
	"lignes" integer NOT NULL,
	"genere_le" timestamp with time zone NOT NULL,
	CONSTRAINT "donnee_ouverte_nom_format_pk" PRIMARY KEY("nom","format")
);
