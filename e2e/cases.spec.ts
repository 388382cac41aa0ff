import { expect, test, type Browser, type Page } from "@playwright/test";
import fs from "node:fs";
import { addCaseMemberViaApi, createCaseViaApi, createUserViaApi, signInCookie, uploadViaApi, waitForJob, type SeededUser } from "../tests/support/factories";
import { dropFiles, fixture, hasFixtures, shot, signIn } from "./support/browser";
import { caseIdInUrl, expectNotFound, markDocument, switcherName } from "./support/cases";

// The analysts' screen: wide enough for the whole header on one line.
test.use({ viewport: { width: 1440, height: 900 } });

async function signedInPage(browser: Browser, user: SeededUser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signIn(page, user.email, user.password);
  return page;
}

const FILE = "att-1.csv";

test("two analysts in two cases load the same file, and each case gets all of its records", async ({ browser, baseURL }) => {
  test.skip(!hasFixtures(FILE, `${FILE}.truth.json`), "fixtures not found (set SWITCHYARD_FIXTURES)");
  const expected = (JSON.parse(fs.readFileSync(fixture(`${FILE}.truth.json`), "utf8")) as { records: unknown[] }).records.length;
  const bytes = fs.readFileSync(fixture(FILE));
  const alpha = await createUserViaApi(baseURL!, "analyst", "alpha");
  const bravo = await createUserViaApi(baseURL!, "analyst", "bravo");
  const tag = Date.now().toString(36);
  const runs = [
    { user: alpha, caseName: `Nightjar ${tag}` },
    { user: bravo, caseName: `Kestrel ${tag}` },
  ];

  const caseIds: number[] = [];
  for (const [i, { user, caseName }] of runs.entries()) {
    const page = await signedInPage(browser, user);
    // In no case yet: the upload page asks for one first.
    await page.goto("/");
    await expect(page.getByTestId("no-case")).toBeVisible();
    await expect(page.getByTestId("case-switcher-create")).toBeVisible();
    if (i === 0) await shot(page, "cases-a-1-no-case-yet");
    await page.getByLabel("Case name").fill(caseName);
    await page.getByRole("button", { name: "Create case" }).click();
    await expect(switcherName(page)).toHaveText(caseName);
    await expect(page.getByTestId("dropzone-case")).toContainText(caseName);
    const caseId = caseIdInUrl(page);
    caseIds.push(caseId);

    // The same carrier file: in each case every record is new.
    await dropFiles(page, [{ name: FILE, bytes }]);
    const item = page.getByTestId("upload-item").first();
    await expect(item.getByTestId("job-status")).toHaveAttribute("data-status", "completed", { timeout: 90_000 });
    await expect(item.getByTestId("count-inserted")).toHaveAttribute("data-value", String(expected));
    await expect(item.getByTestId("count-duplicates")).toHaveAttribute("data-value", "0");
    await shot(page, `cases-a-${i + 2}-loaded-into-${i === 0 ? "first" : "second"}-case`);

    // The records of the case: all of the file's rows, nothing hidden, nothing of the other case.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Records", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/records\\?case=${caseId}$`));
    await expect(page.getByRole("heading", { name: new RegExp(`^Records · ${expected}$`) })).toBeVisible();
    await expect(page.getByTestId("record-row").first()).toContainText(/\+1\d{10}/);
    // Source columns: the file and line each record came from.
    await expect(page.getByTestId("record-row").first()).toContainText(`${FILE}:`);

    // The switcher lists this analyst's case only.
    await page.getByTestId("case-switcher").click();
    await expect(page.getByTestId("case-option")).toHaveCount(1);
    await expect(page.getByTestId("case-option")).toContainText(caseName);
    await expect(page.getByTestId("case-option")).toContainText(`${expected} records`);
    await page.keyboard.press("Escape");
    await page.context().close();
  }
  expect(caseIds[0]).not.toBe(caseIds[1]);

  // Neither sees the other's case, through the list or by its id.
  for (const [i, { user }] of runs.entries()) {
    const cookie = await signInCookie(baseURL!, user.email, user.password);
    const list = (await (await fetch(new URL("/api/cases", baseURL), { headers: { cookie } })).json()) as { cases: { id: number; counts: { records: number } }[] };
    expect(list.cases.map((c) => c.id)).toEqual([caseIds[i]]);
    expect(list.cases[0]!.counts.records).toBe(expected);
    const other = caseIds[1 - i]!;
    const res = await fetch(new URL(`/api/records?caseId=${other}`, baseURL), { headers: { cookie } });
    expect(res.status).toBe(404);
  }
});

test("a colleague added to a case sees it appear in the switcher without reloading", async ({ browser, baseURL }) => {
  const owner = await createUserViaApi(baseURL!, "analyst", "lead");
  const colleague = await createUserViaApi(baseURL!, "analyst", "colleague");
  const colleagueCookie = await signInCookie(baseURL!, colleague.email, colleague.password);
  const own = await createCaseViaApi(baseURL!, colleagueCookie, "Own work");

  // The colleague is working in their own case, on the jobs page.
  const b = await signedInPage(browser, colleague);
  await b.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs", exact: true }).click();
  await expect(switcherName(b)).toHaveText(own.name);
  await expect(b.getByText("Live", { exact: true })).toBeVisible();
  const notReloaded = await markDocument(b);

  // The lead creates a case on the Cases page and adds the colleague to it.
  const a = await signedInPage(browser, owner);
  await a.goto("/cases");
  const joint = `Joint operation ${Date.now().toString(36)}`;
  await a.getByLabel("Case name").fill(joint);
  await a.getByLabel(/^Description/).fill("Two targets, four carriers.");
  await a.getByRole("button", { name: "Create case" }).click();
  await expect(a.getByTestId("case-name")).toHaveText(joint);
  await expect(a).toHaveURL(/\/cases\/\d+\?case=\d+$/);
  const jointId = Number(new URL(a.url()).pathname.split("/").pop());
  await a.getByLabel("E-mail").fill(colleague.email);
  await a.getByLabel("Role in the case").selectOption("analyst");
  await a.getByRole("button", { name: "Add member" }).click();
  await expect(a.locator(`[data-testid="member-row"][data-email="${colleague.email}"]`)).toBeVisible();
  await shot(a, "cases-b-1-lead-added-colleague");

  // Without a reload, the colleague's switcher offers the new case (cases:changed over the socket).
  await b.getByTestId("case-switcher").click();
  const option = b.getByTestId("case-option").filter({ hasText: joint });
  await expect(option).toBeVisible({ timeout: 15_000 });
  await expect(b.getByTestId("case-option")).toHaveCount(2);
  await shot(b, "cases-b-2-switcher-shows-new-case");
  await option.click();
  await expect(switcherName(b)).toHaveText(joint);
  await expect(b).toHaveURL(new RegExp(`/jobs\\?case=${jointId}$`));
  await expect(b.getByText(`No files loaded into ${joint} yet.`)).toBeVisible();
  expect(await notReloaded()).toBe(true);

  // The choice is remembered: a fresh visit without ?case= opens the joint case.
  await b.goto("/records");
  await expect(switcherName(b)).toHaveText(joint);
  await expect(b).toHaveURL(new RegExp(`/records\\?case=${jointId}$`));

  // Removed again, the case leaves the colleague's switcher, live too.
  const stillNotReloaded = await markDocument(b);
  const ownerCookie = await signInCookie(baseURL!, owner.email, owner.password);
  const res = await fetch(new URL(`/api/cases/${jointId}/members/${colleague.id}`, baseURL), { method: "DELETE", headers: { cookie: ownerCookie } });
  expect(res.status).toBe(204);
  await expectNotFound(b, "case");
  await b.getByTestId("case-switcher").click();
  await expect(b.getByTestId("case-option")).toHaveCount(1);
  expect(await stillNotReloaded()).toBe(true);
  await b.context().close();
  await a.context().close();
});

test("someone outside a case gets “not found” on every URL of it", async ({ page, browser, baseURL }) => {
  test.skip(!hasFixtures("sprint-1.txt"), "fixtures not found (set SWITCHYARD_FIXTURES)");
  const owner = await createUserViaApi(baseURL!, "analyst", "holder");
  // A reviewer: even the review page answers "not found" before it looks at roles.
  const outsider = await createUserViaApi(baseURL!, "reviewer", "outsider");
  const ownerCookie = await signInCookie(baseURL!, owner.email, owner.password);
  const secret = await createCaseViaApi(baseURL!, ownerCookie, "Sealed matter");
  const jobId = await uploadViaApi(baseURL!, ownerCookie, "sprint-1.txt", fs.readFileSync(fixture("sprint-1.txt")), secret.id);
  await waitForJob(baseURL!, ownerCookie, jobId);
  const outsiderCookie = await signInCookie(baseURL!, outsider.email, outsider.password);
  await createCaseViaApi(baseURL!, outsiderCookie, "Outsider's own");

  await signIn(page, outsider.email, outsider.password);
  const caseUrls = [
    `/cases/${secret.id}`,
    `/?case=${secret.id}`,
    `/jobs?case=${secret.id}`,
    `/review?case=${secret.id}`,
    `/records?case=${secret.id}`,
    `/records?case=${secret.id}&jobId=${jobId}`,
    `/contacts?case=${secret.id}`,
    `/contacts?case=${secret.id}&target=%2B13125550100`,
    // A case that does not exist, and one that cannot: the same page.
    `/cases/999999`,
    `/records?case=999999`,
    `/records?case=not-a-case`,
  ];
  for (const [i, url] of caseUrls.entries()) {
    await page.goto(url);
    await expectNotFound(page, "case");
    await expect(page.locator("main")).not.toContainText(secret.name);
    await expect(page.getByTestId("record-row")).toHaveCount(0);
    if (i === 0) await shot(page, "cases-c-1-case-not-found");
  }
  for (const url of [`/jobs/${jobId}`, `/jobs/${jobId}?case=${secret.id}`, `/jobs/${jobId}/review`, `/jobs/no-such-job`, `/jobs/no-such-job/review`]) {
    await page.goto(url);
    await expectNotFound(page, "job");
    await expect(page.locator("main")).not.toContainText("sprint-1.txt");
  }
  await shot(page, "cases-c-2-job-not-found");
  // The switcher never offers the case.
  await page.getByTestId("case-switcher").click();
  await expect(page.getByTestId("case-option").filter({ hasText: secret.name })).toHaveCount(0);

  // The API answers a non-member exactly as it answers for a case that does not exist.
  const get = async (url: string) => {
    const res = await fetch(new URL(url, baseURL), { headers: { cookie: outsiderCookie } });
    return { status: res.status, body: await res.text() };
  };
  for (const path of ["/api/cases/{id}", "/api/cases/{id}/members", "/api/records?caseId={id}", "/api/contacts?caseId={id}", "/api/ingestion/jobs?caseId={id}"]) {
    const mine = await get(path.replace("{id}", String(secret.id)));
    const none = await get(path.replace("{id}", "999999"));
    expect({ path, ...mine }).toEqual({ path, ...none });
    expect(mine.status).toBe(404);
  }

  // Positive control: the owner opens the same pages.
  const own = await signedInPage(browser, owner);
  await own.goto(`/cases/${secret.id}`);
  await expect(own.getByTestId("case-name")).toHaveText(secret.name);
  await own.goto(`/jobs/${jobId}`);
  await expect(own.getByRole("heading", { level: 1, name: "sprint-1.txt" })).toBeVisible();
  await expect(own).toHaveURL(new RegExp(`/jobs/${jobId}\\?case=${secret.id}$`));
  await expect(switcherName(own)).toHaveText(secret.name);
  await own.context().close();
});

test("the Cases page: create, rename, members with roles, read-only for members, delete", async ({ browser, baseURL }) => {
  const lead = await createUserViaApi(baseURL!, "analyst", "creator");
  const member = await createUserViaApi(baseURL!, "analyst", "member");
  const leadCookie = await signInCookie(baseURL!, lead.email, lead.password);
  const other = await createCaseViaApi(baseURL!, leadCookie, "Harbour theft", "Container yard, spring deliveries.");
  const a = await signedInPage(browser, lead);

  await a.goto("/cases");
  const name = `Operation Nightjar ${Date.now().toString(36)}`;
  await a.getByLabel("Case name").fill(name);
  await a.getByLabel(/^Description/).fill("Warrant 24-117: two burner phones, AT&T and T-Mobile.");
  await a.getByRole("button", { name: "Create case" }).click();
  await expect(a.getByTestId("case-name")).toHaveText(name);
  const caseId = Number(new URL(a.url()).pathname.split("/").pop());
  await expect(switcherName(a)).toHaveText(name);
  await expect(a.getByTestId("case-members")).toHaveAttribute("data-value", "1");

  // Add the member as a reviewer, then make them an analyst.
  await a.getByLabel("E-mail").fill(member.email);
  await a.getByLabel("Role in the case").selectOption("reviewer");
  await a.getByRole("button", { name: "Add member" }).click();
  const row = a.locator(`[data-testid="member-row"][data-email="${member.email}"]`);
  await expect(row.getByRole("combobox")).toHaveValue("reviewer");
  await row.getByRole("combobox").selectOption("analyst");
  await expect(row.getByRole("combobox")).toHaveValue("analyst");
  await expect(a.getByTestId("case-members")).toHaveAttribute("data-value", "2");
  await shot(a, "cases-d-1-case-page");

  // The list: both cases, with their counts; the current one marked.
  await a.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Cases", exact: true }).click();
  const listed = a.locator(`[data-testid="case-row"][data-case-id="${caseId}"]`);
  await expect(listed).toContainText("current");
  await expect(listed.getByTestId("case-members")).toHaveText("2");
  await expect(listed.getByTestId("case-jobs")).toHaveText("0");
  await expect(a.locator(`[data-testid="case-row"][data-case-id="${other.id}"]`)).toContainText("Container yard");
  await shot(a, "cases-d-2-cases-page");
  await a.getByTestId("case-switcher").click();
  await expect(a.getByTestId("case-option")).toHaveCount(2);
  await shot(a, "cases-d-3-switcher-open");
  await a.keyboard.press("Escape");

  // Rename inline.
  await listed.getByRole("button", { name: `Rename ${name}` }).click();
  await a.getByLabel("Name", { exact: true }).fill(`${name} (closed)`);
  await a.getByRole("button", { name: "Save" }).click();
  await expect(listed.getByRole("link", { name: `${name} (closed)` })).toBeVisible();
  await expect(switcherName(a)).toHaveText(`${name} (closed)`);

  // The member sees the case read-only: no add form, no remove, no delete.
  const m = await signedInPage(browser, member);
  await m.goto(`/cases/${caseId}`);
  await expect(m.getByTestId("case-name")).toHaveText(`${name} (closed)`);
  await expect(m.getByTestId("members-read-only")).toBeVisible();
  await expect(m.getByRole("button", { name: "Add member" })).toHaveCount(0);
  await expect(m.getByRole("button", { name: /^Remove / })).toHaveCount(0);
  await expect(m.getByRole("button", { name: /^Delete/ })).toHaveCount(0);
  await shot(m, "cases-d-4-member-read-only");
  const memberCookie = await signInCookie(baseURL!, member.email, member.password);
  expect(
    (
      await fetch(new URL(`/api/cases/${caseId}/members`, baseURL), {
        method: "POST",
        headers: { cookie: memberCookie, "content-type": "application/json" },
        body: JSON.stringify({ email: lead.email, role: "analyst" }),
      })
    ).status,
  ).toBe(403);

  // Delete: the button only works once the name is typed.
  await listed.getByRole("button", { name: `Delete ${name} (closed)` }).click();
  const dialog = a.getByRole("dialog");
  await expect(dialog.getByRole("button", { name: "Delete case" })).toBeDisabled();
  await dialog.getByLabel("Type the case name to confirm").fill(`${name} (closed)`);
  await shot(a, "cases-d-5-delete-dialog");
  await dialog.getByRole("button", { name: "Delete case" }).click();
  await expect(listed).toHaveCount(0);
  // The member's open page learns it too: the case is gone for them.
  await m.reload();
  await expectNotFound(m, "case");
  await m.context().close();
  await a.context().close();
});

test("a member with the reviewer role in a case sees its review queue, whatever their global role", async ({ page, baseURL }) => {
  const lead = await createUserViaApi(baseURL!, "analyst", "lead");
  const checker = await createUserViaApi(baseURL!, "analyst", "checker");
  const cookie = await signInCookie(baseURL!, lead.email, lead.password);
  const c = await createCaseViaApi(baseURL!, cookie, "Reviewed case");
  await addCaseMemberViaApi(baseURL!, cookie, c.id, checker.email, "reviewer");
  await signIn(page, checker.email, checker.password);
  await page.goto(`/review?case=${c.id}`);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Review", exact: true })).toBeVisible();
  await expect(page.getByText("Nothing in Reviewed case")).toBeVisible();
});

test("the two legs of one call count once: the other leg is listed only on request", async ({ page, baseURL }) => {
  test.skip(!hasFixtures(FILE, `${FILE}.truth.json`), "fixtures not found (set SWITCHYARD_FIXTURES)");
  const expected = (JSON.parse(fs.readFileSync(fixture(`${FILE}.truth.json`), "utf8")) as { records: unknown[] }).records.length;
  // The same calls as the fixture, each reported one second later (a second switch leg); a start at :59 is left as it was (an exact duplicate).
  const lines = fs.readFileSync(fixture(FILE), "utf8").split("\n");
  const headerAt = lines.findIndex((l) => l.startsWith("Item,"));
  let legs = 0;
  const shifted = lines.map((line, i) => {
    if (i <= headerAt || !line.trim()) return line;
    const cells = line.split(",");
    const [h, m, s] = cells[2]!.split(":");
    if (s === "59") return line;
    legs++;
    cells[2] = `${h}:${m}:${String(Number(s) + 1).padStart(2, "0")}`;
    return cells.join(",");
  });
  const analyst = await createUserViaApi(baseURL!, "analyst", "legs");
  const cookie = await signInCookie(baseURL!, analyst.email, analyst.password);
  const c = await createCaseViaApi(baseURL!, cookie, "Two legs");
  for (const [name, bytes] of [
    [FILE, fs.readFileSync(fixture(FILE))],
    ["att-1-second-leg.csv", Buffer.from(shifted.join("\n"))],
  ] as const) {
    expect(await waitForJob(baseURL!, cookie, await uploadViaApi(baseURL!, cookie, name, bytes, c.id))).toBe("completed");
  }

  await signIn(page, analyst.email, analyst.password);
  await page.goto(`/records?case=${c.id}`);
  await expect(page.getByRole("heading", { name: new RegExp(`^Records · ${expected}$`) })).toBeVisible();
  await expect(page.locator("[data-duplicate-of]")).toHaveCount(0);
  const csvHidden = await (await page.request.get((await page.getByTestId("records-csv").getAttribute("href"))!)).text();
  expect(csvHidden.trim().split("\n")).toHaveLength(expected + 1);

  await page.getByTestId("show-duplicates").check();
  await expect(page.getByRole("heading", { name: new RegExp(`^Records · ${(expected + legs).toLocaleString("en-US")}$`) })).toBeVisible();
  const leg = page.locator("[data-duplicate-of]").first();
  await expect(leg).toContainText(/duplicate of #\d+/);
  await expect(leg).toContainText("att-1-second-leg.csv:");
  await shot(page, "cases-e-duplicate-legs-shown");
  // The export follows the toggle, and says which record each leg duplicates.
  const csvHref = (await page.getByTestId("records-csv").getAttribute("href"))!;
  expect(csvHref).toContain("includeDuplicates=1");
  const csv = (await (await page.request.get(csvHref)).text()).trim().split("\n");
  expect(csv[0]).toContain("duplicate_of");
  expect(csv).toHaveLength(expected + legs + 1);
});
