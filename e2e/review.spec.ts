import { expect, test } from "@playwright/test";
import fs from "node:fs";
import { addCaseMemberViaApi, createCaseViaApi, createUserViaApi, signInCookie, uploadViaApi } from "../tests/support/factories";
import { FIELD_LABELS, type MappableField } from "../lib/schemas/fields";
import { dropFiles, fixture, hasFixtures, shot, signIn } from "./support/browser";

const SOURCE = "generic-4.txt";

interface Truth {
  header_line: number;
  rejected_lines: number[];
  columns: { index: number; field: MappableField | null }[];
}

/**
 * Two headerless files of one layout, cut from a fixture: its preamble and header line dropped,
 * its data rows split in two. Returns each file with the records it should load (data rows
 * minus the fixture's known bad lines).
 */
function headerlessFiles(truth: Truth) {
  const lines = fs
    .readFileSync(fixture(SOURCE), "utf8")
    .split(/\r?\n/)
    .filter((l, i, all) => i < all.length - 1 || l !== "");
  const firstData = truth.header_line + 1; // 1-based line number of the first data row in the fixture
  const data = lines.slice(truth.header_line);
  const cut = 130;
  const part = (rows: string[], firstLine: number, name: string) => {
    const lastLine = firstLine + rows.length - 1;
    const rejected = truth.rejected_lines.filter((l) => l >= firstLine && l <= lastLine).length;
    return { name, bytes: Buffer.from(rows.join("\n") + "\n"), expected: rows.length - rejected, rejected };
  };
  return [part(data.slice(0, cut), firstData, "calls-export-a.txt"), part(data.slice(cut), firstData + cut, "calls-export-b.txt")] as const;
}

test("a reviewer added to an analyst's case maps its headerless file, and the template loads the next file without review", async ({ page, baseURL }) => {
  test.skip(!hasFixtures(SOURCE, `${SOURCE}.truth.json`), "fixtures not found (set SWITCHYARD_FIXTURES)");
  const truth = JSON.parse(fs.readFileSync(fixture(`${SOURCE}.truth.json`), "utf8")) as Truth;
  const [first, next] = headerlessFiles(truth);
  // Reviewers see only the files of cases they are members of: the analyst adds one to the case.
  const analyst = await createUserViaApi(baseURL!, "analyst", "field");
  const reviewer = await createUserViaApi(baseURL!, "reviewer");
  const analystCookie = await signInCookie(baseURL!, analyst.email, analyst.password);
  const theCase = await createCaseViaApi(baseURL!, analystCookie, "Headerless exports");
  await addCaseMemberViaApi(baseURL!, analystCookie, theCase.id, reviewer.email, "reviewer");

  // 1. The analyst's headerless file stops for review.
  const jobId = await uploadViaApi(baseURL!, analystCookie, first.name, first.bytes, theCase.id);
  await expect
    .poll(
      async () => {
        const res = await fetch(new URL(`/api/ingestion/jobs/${jobId}`, baseURL), { headers: { cookie: analystCookie } });
        return ((await res.json()) as { job: { status: string } }).job.status;
      },
      { timeout: 90_000 },
    )
    .toBe("needs_review");

  // 2. The reviewer's only case is the current one; the file is on its Review list.
  await signIn(page, reviewer.email, reviewer.password);
  await expect(page.getByTestId("case-switcher-name")).toHaveText(theCase.name);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Review", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/review\\?case=${theCase.id}$`));
  await shot(page, "review-1-needs-review");
  const row = page.locator(`[data-testid="review-row"][data-job-id="${jobId}"]`);
  await row.getByRole("link", { name: "Review mapping" }).click();
  await expect(page).toHaveURL(new RegExp(`/jobs/${jobId}/review\\?case=${theCase.id}$`));
  await expect(page.getByTestId("mapping-column")).toHaveCount(truth.columns.length);
  await shot(page, "review-2-detected");

  // 3. Fix it: no header row, the zone, every column from the ground truth.
  const noHeader = page.getByLabel("No header row");
  if (!(await noHeader.isChecked())) await noHeader.check();
  // Issue 18: without a zone (the file states none) and with two columns on one field, Confirm
  // waits and says why, on the fields themselves.
  const confirmButton = page.getByRole("button", { name: "Confirm mapping" });
  await page.getByLabel("Time zone of the file's times").fill("");
  await expect(confirmButton).toBeDisabled();
  await expect(page.getByTestId("confirm-problems")).toContainText(/which time zone|load them as UTC/);
  await expect(page.getByLabel("Time zone of the file's times")).toHaveAttribute("aria-invalid", "true");
  await page.getByTestId("mapping-column").nth(0).getByRole("combobox").selectOption("caller");
  await page.getByTestId("mapping-column").nth(1).getByRole("combobox").selectOption("caller");
  await expect(page.getByTestId("mapping-column").nth(1).getByTestId("field-problem")).toContainText(/is mapped from columns 1(, | and )2\b/);
  await page.getByLabel("Time zone of the file's times").fill("Mars/Olympus");
  await expect(page.getByTestId("confirm-problems")).toContainText('"Mars/Olympus" is not a time zone');
  await shot(page, "review-2b-problems");
  await page.getByLabel("Time zone of the file's times").fill("UTC");
  for (const col of truth.columns) {
    const select = page.getByTestId("mapping-column").nth(col.index).getByRole("combobox");
    await select.selectOption(col.field ?? "");
    if (col.field) await expect(select.locator("option:checked")).toHaveText(FIELD_LABELS[col.field]);
  }
  // The debounced preview settles on the new mapping: the first rows are valid records.
  await expect(page.getByTestId("preview-summary")).toContainText(/^\d+ valid · [0-2] invalid/);
  await expect(page.locator('[data-testid="preview-row"][data-valid="true"]').first()).toBeVisible();
  await expect(page.getByTestId("confirm-problems")).toHaveCount(0);
  await expect(confirmButton).toBeEnabled();
  // Saving a template is a choice, not a default.
  await expect(page.getByLabel("Template name")).toHaveCount(0);
  await page.getByLabel("Save as a template for files like this").check();
  await page.getByLabel("Template name").fill("Headerless pipe call log");
  await shot(page, "review-3-fixed-preview");

  // 4. Confirm: back on the job page, which runs to the end live.
  await page.getByRole("button", { name: "Confirm mapping" }).click();
  await expect(page).toHaveURL(new RegExp(`/jobs/${jobId}\\?case=${theCase.id}$`));
  await expect(page.getByTestId("job-status")).toHaveAttribute("data-status", first.rejected ? "partial" : "completed", { timeout: 90_000 });
  await expect(page.getByTestId("tile-inserted")).toHaveAttribute("data-value", String(first.expected));
  await shot(page, "review-4-job-completed");

  // 5. The template is listed.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Templates", exact: true }).click();
  await expect(page.getByTestId("template-row").filter({ hasText: "Headerless pipe call log" })).toBeVisible();
  await shot(page, "review-5-templates");

  // 6. The next file of the layout, dropped into the same case by the reviewer, loads by itself.
  await page.goto(`/?case=${theCase.id}`);
  await expect(page.getByTestId("dropzone-case")).toContainText(theCase.name);
  await dropFiles(page, [next]);
  const nextItem = page.getByTestId("upload-item").filter({ hasText: next.name });
  await expect(nextItem.getByTestId("job-status")).toHaveAttribute("data-status", next.rejected ? "partial" : "completed", { timeout: 90_000 });
  await expect(nextItem.getByTestId("count-inserted")).toHaveAttribute("data-value", String(next.expected));
  await shot(page, "review-6-next-file-no-review");
});
