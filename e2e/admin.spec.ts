import { expect, test } from "@playwright/test";
import fs from "node:fs";
import { createCaseViaApi, E2E_ADMIN, signInCookie, uploadViaApi, waitForJob } from "../tests/support/factories";
import { fixture, hasFixtures, shot, signIn } from "./support/browser";

const FILE = "tmobile-3.csv";

test("an admin filters the error table, downloads it, exports records and deletes a job", async ({ page, baseURL }) => {
  test.skip(!hasFixtures(FILE, `${FILE}.truth.json`), "fixtures not found (set SWITCHYARD_FIXTURES)");
  const truth = JSON.parse(fs.readFileSync(fixture(`${FILE}.truth.json`), "utf8")) as { rejected_lines: number[] };
  const cookie = await signInCookie(baseURL!, E2E_ADMIN.email, E2E_ADMIN.password);
  const theCase = await createCaseViaApi(baseURL!, cookie, "Admin journey");
  const jobId = await uploadViaApi(baseURL!, cookie, FILE, fs.readFileSync(fixture(FILE)), theCase.id);
  expect(await waitForJob(baseURL!, cookie, jobId)).toBe("partial");

  // The case the admin created (and loaded into) last is the current one.
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page.getByTestId("case-switcher-name")).toHaveText(theCase.name);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Errors", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/errors\\?case=${theCase.id}$`));
  await expect(page.getByTestId("error-row").first()).toBeVisible();
  await shot(page, "admin-1-errors");

  // Filter to this job, then to its most frequent code.
  await page.getByLabel("Job id").fill(jobId);
  await expect(page.getByRole("heading", { name: new RegExp(`Errors · ${truth.rejected_lines.length}$`) })).toBeVisible();
  await expect(page.getByTestId("error-row")).toHaveCount(truth.rejected_lines.length);
  const lines = (await page.getByTestId("error-row").locator("td.num").allTextContents()).map(Number);
  expect(lines).toEqual(truth.rejected_lines);
  const code = (await page.getByTestId("error-row").first().getAttribute("data-code")) ?? "";
  await page.getByLabel("Error code").selectOption(code);
  const filtered = page.getByTestId("error-row");
  // The previous page stays on screen until the filtered one arrives: wait for the rows of other codes to go.
  await expect(page.locator(`[data-testid="error-row"]:not([data-code="${code}"])`)).toHaveCount(0);
  await expect(page.locator('section[aria-labelledby="errors-title"]')).toHaveAttribute("aria-busy", "false");
  await expect(filtered.first()).toBeVisible();
  const shown = await filtered.count();
  await shot(page, "admin-2-errors-filtered");

  // The CSV holds exactly the filtered rows, raw lines included.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("errors-csv").click()]);
  const csv = fs
    .readFileSync((await download.path())!, "utf8")
    .trim()
    .split("\n");
  expect(csv[0]).toBe("job_id,file,line,field,code,message,raw");
  expect(download.url()).toContain(`caseId=${theCase.id}`);
  expect(csv).toHaveLength(shown + 1);
  for (const line of csv.slice(1)) expect(line.startsWith(`${jobId},${FILE},`) && line.includes(`,${code},`)).toBe(true);

  // Retry the row's job from the table.
  await filtered
    .first()
    .getByRole("button", { name: /^Retry job/ })
    .click();
  await expect(filtered.first().getByRole("button", { name: /^Retry job/ })).toHaveText("Queued");
  expect(await waitForJob(baseURL!, cookie, jobId)).toBe("partial");

  // Records of the job export as CSV and XLSX, from the buttons of the records page (they carry the case).
  await page.goto(`/records?case=${theCase.id}&jobId=${jobId}`);
  await expect(page.getByTestId("record-row").first()).toBeVisible();
  const csvHref = (await page.getByTestId("records-csv").getAttribute("href")) ?? "";
  expect(csvHref).toContain(`caseId=${theCase.id}`);
  const csvRes = await page.request.get(csvHref);
  expect(csvRes.headers()["content-type"]).toContain("text/csv");
  const recordLines = (await csvRes.text()).trim().split("\n");
  expect(recordLines[0]).toMatch(/^job_id,start_time,/);
  expect(recordLines[0]).toContain("duplicate_of");
  expect(recordLines[0]).toContain("source_file");
  const xlsx = await page.request.get((await page.getByTestId("records-xlsx").getAttribute("href")) ?? "");
  expect((await xlsx.body()).subarray(0, 2).toString()).toBe("PK");
  await expect(page.getByRole("heading", { name: new RegExp(`Records · ${recordLines.length - 1}`) })).toBeVisible();
  await shot(page, "admin-3-records");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Contacts", exact: true }).click();
  await expect(page.getByTestId("timeline-chart")).toBeVisible();
  await expect(page.getByTestId("contact-graph")).toBeVisible();
  await shot(page, "admin-4-contacts");

  // Delete the job from the dashboard, through the confirmation dialog.
  await page.goto(`/jobs?case=${theCase.id}`);
  const jobRow = page.locator(`[data-testid="job-row"][data-job-id="${jobId}"]`);
  await jobRow.getByRole("button", { name: `Delete ${FILE}` }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(`Delete ${FILE}?`);
  await shot(page, "admin-5-delete-dialog");
  await dialog.getByRole("button", { name: "Delete job" }).click();
  await expect(jobRow).toHaveCount(0);
  expect((await page.request.get(`/api/ingestion/jobs/${jobId}`)).status()).toBe(404);
  await shot(page, "admin-6-deleted");
});
