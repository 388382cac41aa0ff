import { expect, type Page } from "@playwright/test";

/** The header's case switcher: the current case's name. */
export const switcherName = (page: Page) => page.getByTestId("case-switcher-name");

/** Opens the switcher and picks a case by name; waits for the URL and the header to follow. */
export async function pickCase(page: Page, name: string): Promise<void> {
  await page.getByTestId("case-switcher").click();
  await page.getByTestId("case-option").filter({ hasText: name }).click();
  await expect(switcherName(page)).toHaveText(name);
  await expect(page).toHaveURL(/[?&]case=\d+/);
}

/** The case id in the page's URL (`?case=`). */
export function caseIdInUrl(page: Page): number {
  const id = new URL(page.url()).searchParams.get("case");
  if (!id) throw new Error(`no ?case= in ${page.url()}`);
  return Number(id);
}

/** The "not found" page a URL naming a case or job the user may not see renders. */
export async function expectNotFound(page: Page, kind: "case" | "job"): Promise<void> {
  const notFound = page.getByTestId("not-found");
  await expect(notFound).toBeVisible();
  await expect(notFound).toContainText(kind === "case" ? "There is no such case." : "There is no such job.");
}

/**
 * Marks the document so a test can prove later that the page was not reloaded (a reload or a
 * full navigation loses the mark).
 */
export async function markDocument(page: Page): Promise<() => Promise<boolean>> {
  await page.evaluate(() => ((window as unknown as { __e2eMark: number }).__e2eMark = 1));
  return () => page.evaluate(() => (window as unknown as { __e2eMark?: number }).__e2eMark === 1);
}
