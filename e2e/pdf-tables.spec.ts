import { expect, test } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { makePdfFixtures } from "../lib/ingest/extract/pdf/test-fixtures";
import { writeTablePdf } from "../lib/ingest/extract/pdf/test-pdf-writer";
import { createCaseViaApi, createUserViaApi, signInCookie } from "../tests/support/factories";
import { dropFiles, fixture, hasFixtures, shot, signIn } from "./support/browser";

/**
 * Issue 18: a carrier's PDF whose columns sit 1.2 pt apart (less than a space) and the same table
 * drawn as a ruled grid load exactly the records of the CSV they were printed from: "Originating
 * Number" and "Terminating Number" stay two columns, the preamble's "All times shown in UTC" sets
 * the zone, and every row is a duplicate of the CSV's.
 */
const SOURCE = "att-1.csv";
const ROWS = 36;
const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

test("tight and ruled PDFs of a carrier table load the same records as its CSV", async ({ page, baseURL }) => {
  test.skip(!hasFixtures(SOURCE), "fixtures not found (set SWITCHYARD_FIXTURES)");
  const { dir, truth } = makePdfFixtures(fixture(SOURCE), ["--scan-pages", "0"]);
  const rows = truth.rows.slice(0, ROWS);
  const csv = [...truth.preamble, "", truth.headers.map(csvCell).join(","), ...rows.map((r) => r.map(csvCell).join(","))].join("\n") + "\n";
  const headers = truth.headers.map((h) => (h.length > 10 && h.includes(" ") ? h.replace(" ", "\n") : h));
  const spec = { preamble: truth.preamble, headers, rows, gap: 1.2, preambleGap: 10, font: 6 };
  const tight = writeTablePdf(spec);
  const ruled = writeTablePdf({ ...spec, gap: 1, ruled: true });

  const analyst = await createUserViaApi(baseURL!, "analyst", "pdf");
  await createCaseViaApi(baseURL!, await signInCookie(baseURL!, analyst.email, analyst.password), "Printed returns");
  await signIn(page, analyst.email, analyst.password);
  await page.goto("/");
  const items = page.getByTestId("upload-item");
  const finished = (i: number) => expect(items.nth(i).getByTestId("job-status")).toHaveAttribute("data-status", /completed|partial/, { timeout: 90_000 });

  // The CSV first: what every PDF must reproduce.
  await dropFiles(page, [{ name: "att-subset.csv", bytes: Buffer.from(csv) }]);
  await finished(0);
  const value = async (i: number, key: string) => Number(await items.nth(i).getByTestId(`count-${key}`).getAttribute("data-value"));
  const loaded = await value(0, "inserted");
  const rejected = await value(0, "rejected");
  expect(loaded + rejected).toBe(ROWS);
  expect(loaded).toBeGreaterThan(30);

  await dropFiles(page, [
    { name: "att-tight.pdf", bytes: fs.readFileSync(tight) },
    { name: "att-ruled.pdf", bytes: fs.readFileSync(ruled) },
  ]);
  await expect(items).toHaveCount(3);
  for (const name of ["att-tight.pdf", "att-ruled.pdf"]) {
    const item = items.filter({ hasText: name });
    await expect(item.getByTestId("job-status")).toHaveAttribute("data-status", /completed|partial/, { timeout: 90_000 });
    await expect(item.getByTestId("count-inserted")).toHaveAttribute("data-value", "0");
    await expect(item.getByTestId("count-duplicates")).toHaveAttribute("data-value", String(loaded));
    await expect(item.getByTestId("count-rejected")).toHaveAttribute("data-value", String(rejected));
  }
  await shot(page, "pdf-1-three-files");

  // The tight PDF's job: two number columns, the zone from the preamble.
  await page.goto("/jobs");
  await page.getByRole("link", { name: "att-tight.pdf" }).click();
  const mapping = page.getByTestId("mapping-row");
  await expect(mapping.filter({ hasText: "Originating Number" })).toContainText("Caller");
  await expect(mapping.filter({ hasText: "Terminating Number" })).toContainText("Callee");
  await expect(page.getByText(/UTC \(preamble\)/)).toBeVisible();
  await shot(page, "pdf-2-tight-job");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(path.dirname(tight), { recursive: true, force: true });
  fs.rmSync(path.dirname(ruled), { recursive: true, force: true });
});
