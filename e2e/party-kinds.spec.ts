import { expect, test, type Page } from "@playwright/test";
import { createCaseViaApi, createUserViaApi, signInCookie } from "../tests/support/factories";
import { dropFiles, shot, signIn } from "./support/browser";

// The analysts' screen; the records page is checked on a phone's width too.
test.use({ viewport: { width: 1440, height: 900 } });

/**
 * Issue 17, "keep every call": one subscriber (+1 312 555 1234) called by an extension, 911, a
 * withheld caller, a SIP address, nobody (an empty caller) and an ordinary number. Times say UTC
 * (`Z`); the withheld call's duration is empty (unknown).
 */
const FILE = "party-kinds.csv";
const ROWS = [
  { caller: "6789", kind: "extension", duration: "60" },
  { caller: "911", kind: "service", duration: "45" },
  { caller: "Restricted", kind: "withheld", duration: "" },
  { caller: "sip:alice@example.com", kind: "sip", duration: "120" },
  { caller: "", kind: "withheld", duration: "15" },
  { caller: "2125551234", kind: "e164", duration: "30" },
] as const;
const CSV = ["start,caller,callee,duration", ...ROWS.map((r, i) => `2024-03-01T1${i}:00:00Z,${r.caller},3125551234,${r.duration}`)].join("\n") + "\n";

/** Every column of the file as a reviewer maps it. */
const MAPPING = ["start_time", "caller", "callee", "duration_seconds"] as const;

/** The file landed in review: check the region preset, map the columns, watch the preview, confirm. */
async function confirmMappingAsReviewer(page: Page, jobId: string, caseId: number): Promise<void> {
  await page.getByTestId("upload-item").first().getByTestId("job-link").click();
  await expect(page).toHaveURL(new RegExp(`/jobs/${jobId}\\?case=${caseId}$`));
  await page.getByRole("link", { name: "Review mapping" }).click();
  await expect(page).toHaveURL(new RegExp(`/jobs/${jobId}/review\\?case=${caseId}$`));
  // The case's region is the preset (unless the file itself said more), and the page says where it came from.
  const region = page.getByLabel("Region for national numbers");
  await expect(region).toHaveValue("US");
  const source = page.getByTestId("region-source");
  await expect(source).toHaveText(/^(From the case|From the carrier|From the file's numbers)\.$/);
  const detected = (await source.textContent())!.replace(/\.$/, "").toLowerCase();
  // Another region is the reviewer's choice, said as such; going back restores the detected one.
  await region.selectOption("GB");
  await expect(source).toContainText(`Chosen here (detected: United States (US), ${detected}).`);
  await source.getByRole("button", { name: "Use the detected region" }).click();
  await expect(region).toHaveValue("US");
  await expect(source).toHaveText(/^From /);
  for (const [index, field] of MAPPING.entries()) {
    await page.getByTestId("mapping-column").nth(index).getByRole("combobox").selectOption(field);
  }
  await expect(page.getByTestId("preview-summary")).toHaveText(`${ROWS.length} valid · 0 invalid of the first ${ROWS.length} rows`);
  // The preview shows each party's kind before anything loads.
  const preview = page.getByTestId("preview-table");
  for (const kind of ["extension", "service", "withheld", "sip"]) await expect(preview.locator(`[data-testid="party-kind"][data-kind="${kind}"]`).first()).toBeVisible();
  await shot(page, "party-kinds-1-review");
  await page.getByRole("button", { name: "Confirm mapping" }).click();
  await expect(page).toHaveURL(new RegExp(`/jobs/${jobId}\\?case=${caseId}$`));
  await expect(page.getByTestId("job-status")).toHaveAttribute("data-status", "completed", { timeout: 90_000 });
  await expect(page.getByTestId("tile-inserted")).toHaveAttribute("data-value", String(ROWS.length));
}

test("every call is kept whatever its caller is, and the records and contacts say what each party is", async ({ page, baseURL }) => {
  const reviewer = await createUserViaApi(baseURL!, "reviewer", "kinds");
  const cookie = await signInCookie(baseURL!, reviewer.email, reviewer.password);
  const theCase = await createCaseViaApi(baseURL!, cookie, "Keep every call");
  await signIn(page, reviewer.email, reviewer.password);

  // 1. The case's region: national numbers of its files are read as US ones.
  await page.goto(`/cases/${theCase.id}?case=${theCase.id}`);
  await expect(page.getByTestId("case-region")).toHaveAttribute("data-value", "");
  await page.getByLabel("Region for national numbers").selectOption("US");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("case-region")).toHaveAttribute("data-value", "US");
  await expect(page.getByTestId("case-region")).toContainText("United States (US)");
  await shot(page, "party-kinds-0-case-region");

  // 2. Drop the file; if the engine wants a person to look, confirm the mapping as a reviewer does.
  await page.goto(`/?case=${theCase.id}`);
  await expect(page.getByTestId("dropzone-case")).toContainText(theCase.name);
  await dropFiles(page, [{ name: FILE, bytes: Buffer.from(CSV) }]);
  const item = page.getByTestId("upload-item").first();
  await expect(item).toHaveAttribute("data-job-id", /.+/);
  const jobId = (await item.getAttribute("data-job-id"))!;
  const status = item.getByTestId("job-status");
  await expect(status).toHaveAttribute("data-status", /^(completed|needs_review)$/, { timeout: 90_000 });
  if ((await status.getAttribute("data-status")) === "needs_review") {
    await confirmMappingAsReviewer(page, jobId, theCase.id);
  } else {
    await expect(item.getByTestId("count-inserted")).toHaveAttribute("data-value", String(ROWS.length));
  }

  // 3. Records: all six calls, each caller as E.164 or as written with its kind; the unknown duration is "—".
  await page.goto(`/records?case=${theCase.id}`);
  await expect(page.getByRole("heading", { name: new RegExp(`^Records · ${ROWS.length}$`) })).toBeVisible();
  const rows = page.getByTestId("record-row");
  await expect(rows).toHaveCount(ROWS.length);
  const callers = page.getByTestId("record-caller");
  for (const kind of ["extension", "service", "sip"] as const) {
    await expect(callers.locator(`[data-testid="party-kind"][data-kind="${kind}"]`)).toHaveCount(1);
  }
  await expect(callers.locator('[data-testid="party-kind"][data-kind="withheld"]')).toHaveCount(2);
  await expect(callers.filter({ hasText: "6789" })).toContainText("Extension");
  await expect(callers.filter({ hasText: "911" })).toContainText("Service");
  await expect(callers.filter({ hasText: "Restricted" })).toContainText("Withheld");
  await expect(callers.filter({ hasText: "sip:alice@example.com" })).toContainText("SIP");
  await expect(callers.filter({ hasText: "+12125551234" })).toHaveCount(1);
  await expect(page.getByTestId("record-callee").filter({ hasText: "+13125551234" })).toHaveCount(ROWS.length);
  const withheldCall = rows.filter({ hasText: "Restricted" });
  await expect(withheldCall.getByTestId("record-duration")).toHaveText("—");
  await expect(rows.filter({ hasText: "6789" }).getByTestId("record-duration")).toHaveText("1m 0s");
  await shot(page, "party-kinds-2-records-1440");

  // Readable on a phone: the rows become cards, nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(rows.first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shot(page, "party-kinds-3-records-390");
  await page.setViewportSize({ width: 1440, height: 900 });

  // 4. Contacts: grouped by kind, with the counts; a kind narrows the table and the graph.
  await page.goto(`/contacts?case=${theCase.id}`);
  const chips = page.getByRole("group", { name: "Kind", exact: true });
  await expect(chips.getByRole("button", { name: /^All \d+$/ })).toHaveAttribute("aria-pressed", "true");
  await expect(chips.getByRole("button", { name: "Extension 1" })).toBeVisible();
  await expect(chips.getByRole("button", { name: "Service 1" })).toBeVisible();
  await expect(chips.getByRole("button", { name: "SIP 1" })).toBeVisible();
  await expect(chips.getByRole("button", { name: "Phone 1" })).toBeVisible();
  await expect(page.getByTestId("contact-row").filter({ hasText: "911" })).toContainText("Service");
  await expect(page.locator('[data-testid="graph-node"][data-kind="extension"]')).toContainText("6789 · Extension");
  await shot(page, "party-kinds-4-contacts");

  await chips.getByRole("button", { name: "Extension 1" }).click();
  await expect(page).toHaveURL(/[?&]kind=extension(&|$)/);
  await expect(chips.getByRole("button", { name: "Extension 1" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("contact-row")).toHaveCount(1);
  await expect(page.getByTestId("contact-row")).toContainText("6789");
  await expect(page.getByTestId("graph-node")).toHaveCount(1);
  await shot(page, "party-kinds-5-contacts-extensions");
  await chips.getByRole("button", { name: /^All \d+$/ }).click();
  await expect(page.getByTestId("contact-row").filter({ hasText: "6789" })).toBeVisible();
  await expect(page.getByTestId("contact-row").filter({ hasText: "+12125551234" })).toBeVisible();
});
