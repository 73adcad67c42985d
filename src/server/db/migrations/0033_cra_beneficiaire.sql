CREATE TABLE "cra_beneficiaire" (
	"cra_id" uuid NOT NULL,
	"beneficiaire_id" uuid NOT NULL,
	CONSTRAINT "cra_beneficiaire_cra_id_beneficiaire_id_pk" PRIMARY KEY("cra_id","beneficiaire_id")
);
--> statement-breakpoint
ALTER TABLE "cra_beneficiaire" ADD CONSTRAINT "cra_beneficiaire_cra_id_cra_id_fk" FOREIGN KEY ("cra_id") REFERENCES "public"."cra"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cra_beneficiaire" ADD CONSTRAINT "cra_beneficiaire_beneficiaire_id_beneficiaire_id_fk" FOREIGN KEY ("beneficiaire_id") REFERENCES "public"."beneficiaire"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cra_beneficiaire_beneficiaire_idx" ON "cra_beneficiaire" USING btree ("beneficiaire_id");