import type { Page } from "playwright-core";
import { expect } from "vitest";

/**
 * Picks a commune as a keyboard user does: types a few letters in the field, waits for the
 * suggestion, moves to it with the arrow keys and confirms with Enter.
 */
export async function choisirCommune(
  page: Page,
  champ: RegExp,
  saisie: string,
  suggestion: RegExp,
): Promise<void> {
  const combobox = page.getByRole("combobox", { name: champ });
  await combobox.fill(saisie);
  // The field's own list: a page's selects hold options too.
  const liste = page.locator(`[id="${await combobox.getAttribute("aria-controls")}"]`);
  const options = liste.getByRole("option");
  await expect.poll(() => options.filter({ hasText: suggestion }).count()).toBeGreaterThan(0);
  const textes = await options.allTextContents();
  const rang = textes.findIndex((t) => suggestion.test(t));
  for (let i = 0; i <= rang; i++) await combobox.press("ArrowDown");
  expect(await combobox.getAttribute("aria-activedescendant")).toBe(
    await options.nth(rang).getAttribute("id"),
  );
  await combobox.press("Enter");
  await expect.poll(() => combobox.inputValue()).toMatch(suggestion);
  expect(await combobox.getAttribute("aria-expanded")).toBe("false");
}
