import { expect, test } from "@playwright/test";
import { demoTargets, setupDemoCase } from "./support/demo-case";
import { shot, signIn } from "./support/browser";

test.use({ viewport: { width: 1440, height: 1000 } });

/**
 * Devices and cells (issue 21): on the demo case, the analyst uploads the carriers' cell-site list
 * on the "Cells & map" page; the cells table, the hour grid and the map's sector wedges show the
 * figures the demo's truth implies (a cell no list has stays off the map), and a wedge leads to
 * the records of its cell.
 */
test("the cell map places each target's cells from an uploaded cell-site list", async ({ page, baseURL }) => {
  const demo = await setupDemoCase(baseURL!, "Cell map");
  const { truth, theCase } = demo;
  const listed = new Set(truth.cellSites.map((s) => s.cell));

  await signIn(page, demo.analyst.email, demo.analyst.password);
  await page.goto(`/cases/${theCase.id}`);
  await page.getByTestId("case-cell-map").click();
  await expect(page).toHaveURL(new RegExp(`/cases/${theCase.id}/map\\?case=${theCase.id}`));

  // Before a list: every cell is listed, none is on the map.
  const { A, B } = demoTargets(truth);
  await page.getByTestId("cell-target").selectOption(A);
  await expect(page.getByTestId("cell-row")).toHaveCount(truth.cells[A]!.length);
  await expect(page.getByTestId("cell-map-empty")).toBeVisible();
  await shot(page, "cell-map-1-no-list");

  // Upload the list: every row loaded, none rejected.
  await page.getByTestId("cell-sites-upload").setInputFiles(truth.cellSitesFile);
  const result = page.getByTestId("cell-sites-result");
  await expect(result).toHaveAttribute("data-loaded", String(truth.cellSites.length));
  await expect(result).toHaveAttribute("data-rejected", "0");
  await expect(page.getByTestId("cell-sites-count")).toContainText(`${truth.cellSites.length} entries`);

  for (const target of [A, B]) {
    await page.getByTestId("cell-target").selectOption(target);
    const cells = truth.cells[target]!;
    const rows = page.getByTestId("cell-row");
    await expect(rows).toHaveCount(cells.length);
    // Most events first, as the truth orders them, with the same counts.
    for (const [i, c] of cells.entries()) {
      await expect(rows.nth(i)).toHaveAttribute("data-cell", c.cell);
      await expect(rows.nth(i)).toHaveAttribute("data-events", String(c.events));
    }
    const located = cells.filter((c) => listed.has(c.cell));
    const map = page.getByTestId("cell-map");
    await expect(map).toHaveAttribute("data-located", String(located.length));
    await expect(page.getByTestId("cell-wedge")).toHaveCount(located.length);
    for (const c of located) await expect(page.locator(`[data-testid="cell-wedge"][data-cell="${c.cell}"]`)).toHaveCount(1);
    for (const c of cells.filter((x) => !listed.has(x.cell))) await expect(page.locator(`[data-testid="cell-wedge"][data-cell="${c.cell}"]`)).toHaveCount(0);
    // The hour grid has the most frequent cells as rows, and its events add up to theirs.
    const grid = page.getByTestId("cell-hour-grid");
    await expect(grid).toBeVisible();
    const gridTotal = await grid.locator("td[data-events]").evaluateAll((tds) => tds.reduce((s, td) => s + Number(td.getAttribute("data-events")), 0));
    expect(gridTotal).toBe(cells.slice(0, 12).reduce((s, c) => s + c.events, 0));
    // Each call that started and ended on two different placed sites is one line (the demo's sites are a street or more apart).
    const site = (cell: string) => cell.split("-")[0];
    const moves = truth.records.filter((r) => r.target === target && r.cellLast && listed.has(r.cellFirst) && listed.has(r.cellLast) && site(r.cellFirst) !== site(r.cellLast));
    await expect(page.getByTestId("cell-call-line")).toHaveCount(moves.length);
    await shot(page, `cell-map-2-${target === A ? "target-a" : "target-b"}`);
  }

  // A wedge leads to the records of its cell.
  const top = truth.cells[B]!.find((c) => listed.has(c.cell))!;
  await page.locator(`[data-testid="cell-wedge"][data-cell="${top.cell}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/records\\?.*cell=${top.cell}`));
  await shot(page, "cell-map-3-records-of-a-cell");
});
