import { expect, test } from "@playwright/test";
import fs from "node:fs";
import { createCaseViaApi, createUserViaApi, signInCookie } from "../tests/support/factories";
import { dropFiles, fixture, hasFixtures, shot, signIn } from "./support/browser";

const FILES = ["tmobile-1.tsv", "sprint-2.csv", "verizon-1.txt"];

test("an analyst drops three files at once and watches them all finish", async ({ page, baseURL }) => {
  test.skip(!hasFixtures(...FILES), "fixtures not found (set SWITCHYARD_FIXTURES)");
  const analyst = await createUserViaApi(baseURL!, "analyst", "dropper");
  const theCase = await createCaseViaApi(baseURL!, await signInCookie(baseURL!, analyst.email, analyst.password), "Three carriers");
  await signIn(page, analyst.email, analyst.password);
  await page.goto("/");
  await expect(page.getByTestId("dropzone-case")).toContainText(theCase.name);
  await shot(page, "multi-1-empty");

  await dropFiles(
    page,
    FILES.map((name) => ({ name, bytes: fs.readFileSync(fixture(name)) })),
  );
  const items = page.getByTestId("upload-item");
  await expect(items).toHaveCount(3);
  await shot(page, "multi-2-uploading");
  for (const name of FILES) {
    const truth = JSON.parse(fs.readFileSync(fixture(`${name}.truth.json`), "utf8")) as { records: unknown[] };
    const item = items.filter({ hasText: name });
    await expect(item.getByTestId("job-status")).toHaveAttribute("data-status", "completed", { timeout: 90_000 });
    await expect(item.getByTestId("count-inserted")).toHaveAttribute("data-value", String(truth.records.length));
  }
  await shot(page, "multi-3-all-completed");

  // The case's dashboard shows the three, all completed, without a reload.
  await page.getByRole("link", { name: "Jobs", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/jobs\\?case=${theCase.id}$`));
  await expect(page.getByTestId("job-row")).toHaveCount(3);
  for (const row of await page.getByTestId("job-row").all()) await expect(row.locator("[data-status]")).toHaveAttribute("data-status", "completed");
  await shot(page, "multi-4-dashboard");
});
