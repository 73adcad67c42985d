import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const require = createRequire(import.meta.url);
const sourceAxe = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export type Violation = {
  id: string;
  impact: string | null;
  description: string;
  cibles: string[];
};

type ResultatAxe = {
  violations: {
    id: string;
    impact: string | null;
    description: string;
    nodes: { target: string[] }[];
  }[];
};
type Axe = { run: (options: unknown) => Promise<ResultatAxe> };

/** Runs axe-core in the page (through the debugging protocol, so the strict CSP stays on). */
export async function violationsGraves(page: Page): Promise<Violation[]> {
  await page.evaluate(sourceAxe);
  const violations = await page.evaluate(async () => {
    const { axe } = window as unknown as { axe: Axe };
    const r = await axe.run({
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      description: v.description,
      cibles: v.nodes.map((n) => n.target.join(" ")),
    }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}
