CREATE TABLE "arrondissement" (
	"code" text PRIMARY KEY NOT NULL,
	"nom" text NOT NULL,
	"departement_code" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "commune" ADD COLUMN "arrondissement_code" text;--> statement-breakpoint
ALTER TABLE "arrondissement" ADD CONSTRAINT "arrondissement_departement_code_departement_code_fk" FOREIGN KEY ("departement_code") REFERENCES "public"."departement"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commune" ADD CONSTRAINT "commune_arrondissement_code_arrondissement_code_fk" FOREIGN KEY ("arrondissement_code") REFERENCES "public"."arrondissement"("code") ON DELETE no action ON UPDATE no action;