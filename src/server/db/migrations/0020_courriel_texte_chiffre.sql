ALTER TABLE "courriel" ADD COLUMN "texte_chiffre" "bytea";--> statement-breakpoint
-- Mails written before this migration kept their links in clear: mask the tokens they hold.
UPDATE "courriel" SET "texte" = regexp_replace("texte", '([?&]jeton=)[A-Za-z0-9_-]+', '\1[masqué]', 'g') WHERE "texte" ~ '[?&]jeton=';
