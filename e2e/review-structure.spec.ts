import { expect, test } from "@playwright/test";
import { addCaseMemberViaApi, createCaseViaApi, createUserViaApi, signInCookie, uploadViaApi } from "../tests/support/factories";
import { shot, signIn } from "./support/browser";

/**
 * Workbench issue 18: reviewers edit structure, not only fields. A carrier export whose start time
 * and caller share one column ("2026-01-05 10:00:00 / +17132240000") cannot be mapped as it is;
 * the reviewer splits the column in the live preview, maps the parts, confirms, and the job loads
 * every row. The template keeps the split: the next file of the layout loads without review.
 */
function combined(name: string, rows: number, offset: number) {
  const lines = ["Call,Callee,Seconds"];
  for (let i = 0; i < rows; i++) {
    lines.push(`2026-01-05 10:${String((i + offset) % 60).padStart(2, "0")}:00 / +171322${40000 + i + offset},+183233${40000 + i},${30 + i}`);
  }
  return { name, bytes: Buffer.from(`${lines.join("\n")}\n`) };
}

async function statusOf(baseURL: string, cookie: string, jobId: string) {
  const res = await fetch(new URL(`/api/ingestion/jobs/${jobId}`, baseURL), { headers: { cookie } });
  return ((await res.json()) as { job: { status: string; counts?: { inserted: number } } }).job;
}

test("a reviewer splits a column that holds two fields, the job loads every row, and the template splits the next file", async ({ page, baseURL }) => {
  const analyst = await createUserViaApi(baseURL!, "analyst", "split");
  const reviewer = await createUserViaApi(baseURL!, "reviewer", "split");
  const analystCookie = await signInCookie(baseURL!, analyst.email, analyst.password);
  const theCase = await createCaseViaApi(baseURL!, analystCookie, "Combined columns");
  await addCaseMemberViaApi(baseURL!, analystCookie, theCase.id, reviewer.email, "reviewer");

  const first = combined("combined-start-caller-a.csv", 15, 0);
  const jobId = await uploadViaApi(baseURL!, analystCookie, first.name, first.bytes, theCase.id);
  await expect.poll(async () => (await statusOf(baseURL!, analystCookie, jobId)).status, { timeout: 90_000 }).toBe("needs_review");

  await signIn(page, reviewer.email, reviewer.password);
  await page.goto(`/jobs/${jobId}/review?case=${theCase.id}`);
  const columns = page.getByTestId("mapping-column");
  await expect(columns).toHaveCount(3);
  // The file's first lines as written; the detected header row is marked.
  await expect(page.getByTestId("head-line").first()).toContainText("Call,Callee,Seconds");
  await expect(page.getByLabel("Line 1 is the header row")).toBeVisible();

  // Merge, then undo it: the edits are listed, the last one can be taken back.
  await columns.nth(1).getByRole("button", { name: "Merge column 2 with next" }).click();
  await page.getByRole("form", { name: "Merge column 2 with column 3" }).getByRole("button", { name: "Merge" }).click();
  await expect(columns).toHaveCount(2);
  await expect(page.getByTestId("structure-edit")).toHaveText(/Merge columns 2 and 3/);
  await page.getByTestId("structure-edit").getByRole("button", { name: "Undo" }).click();
  await expect(columns).toHaveCount(3);
  await expect(page.getByTestId("no-structure-edits")).toBeVisible();

  // Split column 1 at " / ": four columns, the preview's headers follow.
  await columns.nth(0).getByRole("button", { name: "Split column 1…" }).click();
  const form = page.getByRole("form", { name: "Split column 1" });
  await form.getByLabel("Separator for column 1").fill(" / ");
  await form.getByRole("button", { name: "Split", exact: true }).click();
  await expect(columns).toHaveCount(4);
  await expect(page.getByTestId("structure-edit")).toHaveText(/Split column 1 at " \/ "/);
  await expect(columns.nth(1)).toContainText("Call (2)");

  const fields = ["start_time", "caller", "callee", "duration_seconds"];
  for (const [i, f] of fields.entries())
    await columns
      .nth(i)
      .getByRole("combobox", { name: /maps to/ })
      .selectOption(f);
  await page.getByLabel("Time zone of the file's times").fill("UTC");
  await expect(page.getByTestId("preview-summary")).toHaveText("15 valid · 0 invalid of the first 15 rows", { timeout: 15_000 });
  await page.getByLabel("Save as a template for files like this").check();
  await page.getByLabel("Template name").fill("Start and caller in one column");
  await shot(page, "review-structure-1-split");

  const confirmButton = page.getByRole("button", { name: "Confirm mapping" });
  await expect(confirmButton).toBeEnabled();
  await confirmButton.click();
  await expect(page).toHaveURL(new RegExp(`/jobs/${jobId}\\?case=${theCase.id}$`));
  await expect(page.getByTestId("job-status")).toHaveAttribute("data-status", "completed", { timeout: 90_000 });
  await expect(page.getByTestId("tile-inserted")).toHaveAttribute("data-value", "15");
  await shot(page, "review-structure-2-completed");

  // The next file of the layout: split by the template, loaded without review.
  const next = combined("combined-start-caller-b.csv", 9, 30);
  const nextId = await uploadViaApi(baseURL!, analystCookie, next.name, next.bytes, theCase.id);
  await expect.poll(async () => (await statusOf(baseURL!, analystCookie, nextId)).status, { timeout: 90_000 }).toBe("completed");
  await page.goto(`/jobs/${nextId}?case=${theCase.id}`);
  await expect(page.getByTestId("tile-inserted")).toHaveAttribute("data-value", "9");
});
