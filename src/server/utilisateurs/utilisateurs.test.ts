import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { habilitation, journal, structure, utilisateur } from "../db/schema.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import {
  connecterPersona,
  cookieDe,
  EMAIL_ADMIN,
  type PlateformeDeTest,
  plateformeDeTest,
} from "../test/plateforme.ts";
import { demarrerPuitsSmtp, lienDans } from "../test/puits-smtp.ts";

describe.each(BASES_DE_TEST)("gestion des utilisateurs sur %s", (type) => {
  let p: PlateformeDeTest;
  let smtp: Awaited<ReturnType<typeof demarrerPuitsSmtp>>;
  let admin: string;

  beforeAll(async () => {
    smtp = await demarrerPuitsSmtp();
    p = await plateformeDeTest(type, { SMTP_URL: smtp.url });
    admin = await connecterPersona(p, EMAIL_ADMIN);
  });
  afterAll(async () => {
    await p.arreter();
    await smtp.arreter();
  });

  const inviter = (payload: Record<string, unknown>) =>
    p.app.inject({
      method: "POST",
      url: "/api/utilisateurs/invitations",
      headers: { cookie: admin },
      payload,
    });
  const compter = async () => {
    const [u] = await p.base.db.select({ n: sql<number>`count(*)::int` }).from(utilisateur);
    const [j] = await p.base.db.select({ n: sql<number>`count(*)::int` }).from(journal);
    return { utilisateurs: u!.n, journal: j!.n };
  };

  it("invite une préfète : compte, habilitation, courriel, journal ; l'invitation la connecte", async () => {
    const r = await inviter({
      email: "Marianne.Prefete@interieur.gouv.fr",
      prenom: "Marianne",
      nom: "Préfète",
      role: "prefet",
      perimetre: { type: "departement", code: "87" },
    });
    expect(r.statusCode).toBe(201);
    const { utilisateurId } = r.json();

    const mail = smtp.recus.find((m) => m.destinataire === "marianne.prefete@interieur.gouv.fr");
    expect(mail?.objet).toMatch(/Invitation/);
    const lien = new URL(lienDans(mail!.texte));
    expect(lien.pathname).toBe("/invitation");

    const lignes = await p.base.db.select().from(journal).where(eq(journal.cibleId, utilisateurId));
    expect(lignes.map((l) => l.action).sort()).toEqual([
      "habilitation.ajoutee",
      "utilisateur.invite",
    ]);
    expect(lignes.every((l) => l.role === "admin" && l.utilisateurId !== null && l.requeteId)).toBe(
      true,
    );

    const accepte = await p.app.inject({
      method: "POST",
      url: "/api/auth/invitation",
      payload: { jeton: lien.searchParams.get("jeton") },
    });
    expect(accepte.statusCode).toBe(200);
    expect(accepte.json().habilitation).toMatchObject({
      role: "prefet",
      accueil: "/espace/prefet",
    });
    expect(cookieDe(accepte)).toMatch(/^cnfs_session=/);
    const apres = await p.base.db
      .select()
      .from(journal)
      .where(
        and(
          eq(journal.cibleId, utilisateurId),
          eq(journal.action, "utilisateur.invitation_acceptee"),
        ),
      );
    expect(apres).toHaveLength(1);
  });

  it("ajoute une habilitation à une personne déjà inscrite plutôt qu'un doublon", async () => {
    const [cabbalr] = await p.base.db
      .select()
      .from(structure)
      .where(sql`${structure.nom} like 'CABBALR%'`);
    const r = await inviter({
      email: "prefet.62@demo.conseiller-numerique.fr",
      prenom: "Julien",
      nom: "Lefebvre",
      role: "structure",
      perimetre: { type: "structure", structureId: cabbalr!.id },
    });
    expect(r.statusCode).toBe(201);
    const comptes = await p.base.db
      .select()
      .from(utilisateur)
      .where(eq(utilisateur.email, "prefet.62@demo.conseiller-numerique.fr"));
    expect(comptes).toHaveLength(1);
    const habs = await p.base.db
      .select()
      .from(habilitation)
      .where(eq(habilitation.utilisateurId, comptes[0]!.id));
    expect(habs.map((h) => h.role).sort()).toEqual(["prefet", "structure"]);
    const double = await inviter({
      email: "prefet.62@demo.conseiller-numerique.fr",
      prenom: "Julien",
      nom: "Lefebvre",
      role: "structure",
      perimetre: { type: "structure", structureId: cabbalr!.id },
    });
    expect(double.statusCode).toBe(400);
    expect(double.json().erreurs[0].message).toBe(
      "Cette personne détient déjà cette habilitation.",
    );
  });

  it("refuse une mauvaise saisie en français et n'écrit rien", async () => {
    const avant = await compter();
    const r = await inviter({
      email: "pas-une-adresse",
      prenom: "",
      role: "prefet",
      perimetre: { type: "national" },
    });
    expect(r.statusCode).toBe(400);
    const champs = r.json().erreurs.map((e: { champ: string }) => e.champ);
    expect(champs).toEqual(expect.arrayContaining(["email", "prenom", "nom"]));
    expect(r.json().erreurs.find((e: { champ: string }) => e.champ === "email").message).toMatch(
      /n'est pas valide/,
    );

    const inconnu = await inviter({
      email: "a@exemple.fr",
      prenom: "A",
      nom: "B",
      role: "prefet",
      perimetre: { type: "departement", code: "96" },
    });
    expect(inconnu.statusCode).toBe(400);
    expect(inconnu.json().erreurs[0]).toEqual({
      champ: "perimetre",
      message: "Département inconnu : 96.",
    });
    expect(await compter()).toEqual(avant);
  });

  it("liste et filtre les utilisateurs", async () => {
    const r = await p.app.inject({
      url: "/api/utilisateurs?role=prefet&recherche=lefebvre",
      headers: { cookie: admin },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().utilisateurs.map((u: { email: string }) => u.email)).toEqual([
      "prefet.62@demo.conseiller-numerique.fr",
    ]);
    const joker = await p.app.inject({
      url: "/api/utilisateurs?recherche=%25",
      headers: { cookie: admin },
    });
    expect(joker.json().total).toBe(0);
    const faux = await p.app.inject({
      url: "/api/utilisateurs?role=roi",
      headers: { cookie: admin },
    });
    expect(faux.statusCode).toBe(400);
    expect(faux.json().erreurs[0]).toEqual({ champ: "role", message: "Ce rôle n'existe pas." });
  });

  it("désactive (sessions fermées, connexion refusée) puis réactive, avec avant/après au journal", async () => {
    const email = "hub.assembleurs@demo.conseiller-numerique.fr";
    const session = await connecterPersona(p, email);
    const [u] = await p.base.db.select().from(utilisateur).where(eq(utilisateur.email, email));
    const off = await p.app.inject({
      method: "POST",
      url: `/api/utilisateurs/${u!.id}/desactivation`,
      headers: { cookie: admin },
    });
    expect(off.json()).toEqual({ actif: false });
    expect((await p.app.inject({ url: "/api/moi", headers: { cookie: session } })).statusCode).toBe(
      401,
    );
    const essai = await p.app.inject({
      method: "POST",
      url: "/api/dev/connexion",
      payload: { email },
    });
    expect(essai.statusCode).toBe(404);

    const on = await p.app.inject({
      method: "POST",
      url: `/api/utilisateurs/${u!.id}/reactivation`,
      headers: { cookie: admin },
    });
    expect(on.json()).toEqual({ actif: true });
    const lignes = await p.base.db
      .select()
      .from(journal)
      .where(eq(journal.cibleId, u!.id))
      .orderBy(journal.id);
    expect(lignes.map((l) => [l.action, l.avant, l.apres])).toEqual([
      ["utilisateur.desactive", { actif: true }, { actif: false }],
      ["utilisateur.reactive", { actif: false }, { actif: true }],
    ]);
    const lecture = await p.app.inject({
      url: `/api/journal?cibleType=utilisateur&cibleId=${u!.id}`,
      headers: { cookie: admin },
    });
    expect(lecture.json().entrees.map((e: { action: string }) => e.action)).toEqual([
      "utilisateur.reactive",
      "utilisateur.desactive",
    ]);
  });

  it("refuse de se désactiver soi-même, et répond 404 pour un inconnu", async () => {
    const [moi] = await p.base.db
      .select()
      .from(utilisateur)
      .where(eq(utilisateur.email, EMAIL_ADMIN));
    const r = await p.app.inject({
      method: "POST",
      url: `/api/utilisateurs/${moi!.id}/desactivation`,
      headers: { cookie: admin },
    });
    expect(r.statusCode).toBe(409);
    const inconnu = await p.app.inject({
      method: "POST",
      url: "/api/utilisateurs/00000000-0000-4000-8000-000000000000/desactivation",
      headers: { cookie: admin },
    });
    expect(inconnu.statusCode).toBe(404);
  });

  it("garde le journal en ajout seul", async () => {
    await expect(p.base.db.execute(sql`update journal set action = 'falsifie'`)).rejects.toThrow();
    await expect(p.base.db.execute(sql`delete from journal`)).rejects.toThrow();
    const [j] = await p.base.db
      .select({ n: sql<number>`count(*)::int` })
      .from(journal)
      .where(eq(journal.action, "falsifie"));
    expect(j!.n).toBe(0);
  });
});
