-- The last day of activity is kept by the statements that write the counters (cteRollups,
-- appliquerCompteurs), as the roll-ups are, no longer by triggers on `cra`: one way of keeping
-- derived data for reports, checked by `cnfs doctor` (ADR 017).
DROP TRIGGER cra_derniere_activite_ajout ON cra;
--> statement-breakpoint
DROP TRIGGER cra_derniere_activite_retrait ON cra;
--> statement-breakpoint
DROP TRIGGER cra_derniere_activite_modification ON cra;
--> statement-breakpoint
DROP TRIGGER cra_derniere_activite_vider ON cra;
--> statement-breakpoint
DROP FUNCTION derniere_activite_ajout();
--> statement-breakpoint
DROP FUNCTION derniere_activite_retrait();
--> statement-breakpoint
DROP FUNCTION derniere_activite_modification();
--> statement-breakpoint
DROP FUNCTION derniere_activite_vider();
--> statement-breakpoint
DROP FUNCTION derniere_activite_relire(uuid[]);
