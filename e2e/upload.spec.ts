import { expect, test, type Page } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { createCaseViaApi, createUserViaApi, signInCookie } from "../tests/support/factories";
import { signIn } from "./support/browser";

const FIXTURES = process.env.SWITCHYARD_FIXTURES ?? path.resolve("..", "shared", "fixtures", "cdr");
const FILE = path.join(FIXTURES, "att-1.csv");
const TRUTH = `${FILE}.truth.json`;
const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/upload-${name}.png`, fullPage: true });

/**
 * Drops a real file on the zone the way a browser does: a synthetic `drop` event whose
 * DataTransfer holds a File built in the page from the fixture's bytes.
 */
async function dropFile(page: Page, filePath: string) {
  const bytes = fs.readFileSync(filePath).toString("base64");
  const dataTransfer = await page.evaluateHandle(
    ({ b64, name }) => {
      const bin = atob(b64);
      const arr = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) arr[i] = bin.charCodeAt(i);
      const dt = new DataTransfer();
      dt.items.add(new File([arr], name, { type: "text/csv" }));
      return dt;
    },
    { b64: bytes, name: path.basename(filePath) },
  );
  const zone = page.getByTestId("dropzone");
  await zone.dispatchEvent("dragenter", { dataTransfer });
  await zone.dispatchEvent("dragover", { dataTransfer });
  await zone.dispatchEvent("drop", { dataTransfer });
}

test("upload a carrier file, load it, load it again as duplicates, open the job", async ({ page, baseURL }) => {
  test.skip(!fs.existsSync(FILE) || !fs.existsSync(TRUTH), `fixture not found at ${FILE} (set SWITCHYARD_FIXTURES)`);
  const truth = JSON.parse(fs.readFileSync(TRUTH, "utf8")) as { records: unknown[] };
  const expected = truth.records.length;
  // A fresh analyst in a case of their own sees only its jobs, whatever other journeys loaded into this run's database.
  const analyst = await createUserViaApi(baseURL!, "analyst", "uploader");
  const theCase = await createCaseViaApi(baseURL!, await signInCookie(baseURL!, analyst.email, analyst.password), "Upload journey");
  await signIn(page, analyst.email, analyst.password);

  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Upload call-detail records" })).toBeVisible();
  await expect(page.getByTestId("dropzone")).toBeVisible();
  // The case just created is the current one: in the header, the URL and on the drop zone.
  await expect(page.getByTestId("case-switcher-name")).toHaveText(theCase.name);
  await expect(page).toHaveURL(new RegExp(`/\\?case=${theCase.id}$`));
  await expect(page.getByTestId("dropzone-case")).toContainText(theCase.name);
  await shot(page, "1-empty");

  // First load: every record is new.
  await dropFile(page, FILE);
  const newest = page.getByTestId("upload-item").first(); // the list shows the newest upload first
  await expect(newest).toContainText("att-1.csv");
  await expect(newest).toHaveAttribute("data-job-id", /.+/, { timeout: 30_000 });
  const firstJobId = (await newest.getAttribute("data-job-id")) ?? "";
  // Pin the row by its job id: the next drop pushes it down the list.
  const first = page.locator(`[data-testid="upload-item"][data-job-id="${firstJobId}"]`);
  await expect(first.getByTestId("job-status")).toHaveAttribute("data-status", "completed", { timeout: 90_000 });
  await expect(first.getByTestId("count-inserted")).toHaveAttribute("data-value", String(expected));
  await shot(page, "2-first-completed");

  // Second load of the same bytes into the same case: all duplicates, nothing inserted.
  await dropFile(page, FILE);
  await expect(page.getByTestId("upload-item")).toHaveCount(2);
  const second = page.getByTestId("upload-item").first();
  await expect(second).not.toHaveAttribute("data-job-id", firstJobId);
  await expect(second.getByTestId("job-status")).toHaveAttribute("data-status", "completed", { timeout: 90_000 });
  await expect(second.getByTestId("count-inserted")).toHaveAttribute("data-value", "0");
  await expect(second.getByTestId("count-duplicates")).toHaveAttribute("data-value", String(expected));
  await shot(page, "3-second-duplicates");

  // The job page of the first load shows the same counts.
  await first.getByTestId("job-link").click();
  await expect(page).toHaveURL(new RegExp(`/jobs/${firstJobId}\\?case=${theCase.id}$`));
  await expect(page.getByRole("heading", { level: 1, name: "att-1.csv" })).toBeVisible();
  await expect(page.getByTestId("job-status")).toHaveAttribute("data-status", "completed");
  await expect(page.getByTestId("tile-inserted")).toHaveAttribute("data-value", String(expected));
  await expect(page.getByTestId("mapping-row").first()).toBeVisible();
  await shot(page, "4-job-detail");

  // The dashboard lists both jobs.
  await page.getByRole("link", { name: "Jobs", exact: true }).first().click();
  await expect(page).toHaveURL(new RegExp(`/jobs\\?case=${theCase.id}$`));
  await expect(page.getByTestId("job-row")).toHaveCount(2);
  await shot(page, "5-jobs-dashboard");
});
