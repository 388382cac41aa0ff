import { expect, test, type Page } from "@playwright/test";
import { DEMO_DEVICES } from "../tests/support/analytics-demo-case";
import { shot, signIn } from "./support/browser";
import { countRecords, demoGraph, demoTargets, setCaseTimezone, setupDemoCase, type DemoCase } from "./support/demo-case";

/**
 * Issue 21, one journey per analysis on the demo case a script builds in the sample carriers'
 * layouts (tests/support/analytics-demo-case.ts): three targets sharing contacts, a handset and a
 * SIM change, a two-week gap between two monthly files. Every figure asserted comes from the
 * script's truth, never from the API under test. The case is built once (beforeAll); journeys that
 * need the display time zone set it themselves, so each also runs alone.
 */
test.use({ viewport: { width: 1440, height: 900 } });

let demo: DemoCase;

test.beforeAll(async ({ baseURL }) => {
  test.setTimeout(180_000);
  demo = await setupDemoCase(baseURL!);
});

test.beforeEach(async ({ page }) => {
  await signIn(page, demo.analyst.email, demo.analyst.password);
});

const recordsTotal = (page: Page) => page.locator("#records-title");
/** The heading of the records page says the filtered total ("Records · 1,234"). */
const expectTotal = (page: Page, n: number) => expect(recordsTotal(page)).toHaveText(`Records · ${n.toLocaleString("en-US")}`);

/** Reads every cell of a 7 × 24 grid as "weekday-hour" → count. */
async function gridCounts(page: Page, cells: string): Promise<Record<string, number>> {
  return page.locator(cells).evaluateAll((tds) =>
    Object.fromEntries(
      tds.map((td, i) => {
        // The contacts page's cells name their weekday and hour; the report's are in order, Monday 00:00 first.
        const key = td.hasAttribute("data-weekday") ? `${td.getAttribute("data-weekday")}-${td.getAttribute("data-hour")}` : `${Math.floor(i / 24) + 1}-${i % 24}`;
        return [key, Number(td.getAttribute("data-count"))];
      }),
    ),
  );
}

/** The truth's heat map of a target as the same map, every one of the 168 cells. */
function truthCounts(target: string, measure: "all" | "calls" | "messages"): Record<string, number> {
  const out: Record<string, number> = {};
  for (let w = 1; w <= 7; w++) for (let h = 0; h < 24; h++) out[`${w}-${h}`] = 0;
  for (const c of demo.truth.patterns[target]!) out[`${c.weekday}-${c.hour}`] = measure === "calls" ? c.calls : measure === "messages" ? c.messages : c.calls + c.messages;
  return out;
}

test("common contacts: the case page ranks the shared numbers and leads to their records", async ({ page }) => {
  const { truth, theCase } = demo;
  await page.goto(`/cases/${theCase.id}`);
  const section = page.getByTestId("common-contacts");
  await expect(section.getByRole("heading", { name: /Common contacts/ })).toContainText(`· ${truth.commonContacts.length}`);
  const rows = section.getByTestId("common-contact-row");
  await expect(rows).toHaveCount(truth.commonContacts.length);
  for (const [i, c] of truth.commonContacts.entries()) {
    const row = rows.nth(i);
    await expect(row).toHaveAttribute("data-number", c.number);
    await expect(row).toHaveAttribute("data-targets", String(c.targets.length));
    await expect(row).toHaveAttribute("data-events", String(c.events));
    const shares = row.getByTestId("common-contact-target");
    await expect(shares).toHaveCount(c.targets.length);
    for (const [j, t] of c.targets.entries()) {
      await expect(shares.nth(j)).toHaveAttribute("data-target", t.target);
      await expect(shares.nth(j)).toContainText(`${t.target} ${t.events}`);
    }
  }
  // Two numbers all three targets talk to; B's own number is shared by A and C.
  const { B } = demoTargets(truth);
  expect(truth.commonContacts.filter((c) => c.targets.length === 3)).toHaveLength(2);
  await expect(section.locator(`[data-testid="common-contact-row"][data-number="${B}"]`)).toHaveAttribute("data-targets", "2");
  await shot(page, "analytics-common-contacts");

  // The top number opens the case's records with that party: as many as its events.
  const top = truth.commonContacts[0]!;
  await rows.first().getByRole("link", { name: top.number }).click();
  await expect(page).toHaveURL((u) => u.pathname === "/records" && u.searchParams.get("number") === top.number);
  await expectTotal(page, top.events);
  await shot(page, "analytics-common-contacts-records");
});

test("link chart: every target and contact is a node, the common ones highlighted", async ({ page }) => {
  const { truth, theCase } = demo;
  const g = demoGraph(truth);
  await page.goto(`/cases/${theCase.id}`);
  await page.getByTestId("case-link-chart").click();
  await expect(page).toHaveURL(new RegExp(`/cases/${theCase.id}/graph`));
  const chart = page.getByTestId("link-chart");
  await expect(chart).toHaveAttribute(
    "aria-label",
    `Link chart: ${g.targets} targets and ${g.contacts} contacts (${g.common} common to two or more targets), ${g.links} links. The table of nodes lists them all.`,
  );
  await expect(page.getByTestId("link-chart-node")).toHaveCount(g.targets + g.contacts);
  await expect(page.getByTestId("link-chart-node-row")).toHaveCount(g.targets + g.contacts);
  await expect(page.locator('[data-testid="link-chart-node"][data-target="true"]')).toHaveCount(g.targets);
  await expect(page.locator('[data-testid="link-chart-node"][data-common="true"]')).toHaveCount(g.common);
  for (const c of truth.commonContacts) await expect(page.locator(`[data-testid="link-chart-node"][data-id="${c.number}"]`)).toHaveAttribute("data-common", "true");
  // B is a target and, called by A and C, a common node too.
  const { B } = demoTargets(truth);
  const b = page.locator(`[data-testid="link-chart-node"][data-id="${B}"]`);
  await expect(b).toHaveAttribute("data-target", "true");
  await expect(b).toHaveAttribute("data-common", "true");
  await expect(page.getByTestId("link-chart-truncated")).toHaveCount(0);
  await shot(page, "analytics-link-chart");

  // Selecting the top common contact shows its events over every target.
  const top = truth.commonContacts[0]!;
  await page.getByRole("button", { name: `Select ${top.number}`, exact: true }).click();
  const panel = page.getByTestId("link-chart-panel");
  await expect(panel).toHaveAttribute("data-id", top.number);
  await expect(panel.getByTestId("link-chart-panel-events")).toHaveText(top.events.toLocaleString("en-US"));
  await shot(page, "analytics-link-chart-selected");
});

test("patterns of life: the heat map counts each target's events in the display time zone set on the case", async ({ page, baseURL }) => {
  const { truth, theCase } = demo;
  await setCaseTimezone(baseURL!, demo, null);
  // The analyst sets the zone on the case page, as a person does.
  await page.goto(`/cases/${theCase.id}`);
  const form = page.getByRole("form", { name: `Rename ${theCase.name}` });
  await form.getByLabel("Display time zone").fill(truth.timezone);
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved");

  for (const [letter, target] of Object.entries(demoTargets(truth))) {
    await page.goto(`/contacts?case=${theCase.id}&target=${encodeURIComponent(target)}`);
    const heat = page.getByTestId("pattern-heatmap");
    await expect(heat).toContainText(`by local hour and weekday · ${truth.timezone}`);
    const events = truth.counts[target]!.records;
    await expect(heat).toContainText(`${events.toLocaleString("en-US")} events, busiest hour`);
    const cells = '[data-testid="pattern-grid"] td[data-weekday]';
    await expect(page.locator(cells)).toHaveCount(168);
    expect(await gridCounts(page, cells), `${letter}: all events`).toEqual(truthCounts(target, "all"));
    // No event between 01:00 and 07:00 in Chicago: the script's nights.
    for (let w = 1; w <= 7; w++) for (let h = 1; h < 7; h++) expect(truthCounts(target, "all")[`${w}-${h}`]).toBe(0);
    if (letter === "A") await shot(page, "analytics-patterns-a");
    await heat.getByRole("button", { name: "Messages" }).click();
    await expect(heat).toContainText(`${truth.counts[target]!.messages.toLocaleString("en-US")} messages, busiest hour`);
    expect(await gridCounts(page, cells), `${letter}: messages`).toEqual(truthCounts(target, "messages"));
    await heat.getByRole("button", { name: "Calls" }).click();
    await expect(heat).toContainText(`${truth.counts[target]!.calls.toLocaleString("en-US")} calls, busiest hour`);
    expect(await gridCounts(page, cells), `${letter}: calls`).toEqual(truthCounts(target, "calls"));
    if (letter === "B") await shot(page, "analytics-patterns-b-calls");
  }
});

test("devices: B's handset change and SIM change are highlighted, A keeps one pair, C's carrier gives none", async ({ page }) => {
  const { truth, theCase } = demo;
  const { A, B, C } = demoTargets(truth);
  await page.goto(`/contacts?case=${theCase.id}&target=${encodeURIComponent(B)}`);
  const devices = page.getByTestId("target-devices");
  const rows = devices.getByTestId("device-row");
  const expected = truth.devices[B]!;
  const changes = truth.deviceChanges[B]!;
  await expect(rows).toHaveCount(expected.length);
  await expect(devices).toContainText(`${changes.length} changes of handset or SIM`);
  for (const [i, d] of expected.entries()) {
    const row = rows.nth(i);
    await expect(row).toHaveAttribute("data-imei", d.imei ?? "");
    await expect(row).toHaveAttribute("data-imsi", d.imsi ?? "");
    await expect(row.locator("td").last()).toHaveText(d.events.toLocaleString("en-US"));
    const firstUse = await page.evaluate((iso) => new Date(iso).toLocaleString(), d.first);
    await expect(row.locator("td").nth(2)).toContainText(firstUse);
    const change = changes.find((c) => c.at === d.first);
    if (change) {
      await expect(row).toHaveAttribute("data-change", "true");
      await expect(row).toContainText(change.imeiChanged && change.imsiChanged ? "New handset and SIM" : change.imeiChanged ? "New handset" : "New SIM");
    } else await expect(row).not.toHaveAttribute("data-change", "true");
  }
  // The script's story: a new handset on the old SIM, then a new SIM in the new handset.
  expect(changes.map((c) => [c.imeiChanged, c.imsiChanged])).toEqual([
    [true, false],
    [false, true],
  ]);
  await expect(devices.locator('[data-change="true"]')).toHaveCount(2);
  await shot(page, "analytics-devices-b");

  await page.goto(`/contacts?case=${theCase.id}&target=${encodeURIComponent(A)}`);
  await expect(page.getByTestId("device-row")).toHaveCount(1);
  await expect(page.getByTestId("device-row")).toHaveAttribute("data-imei", truth.devices[A]![0]!.imei!);
  await expect(page.getByTestId("target-devices")).toContainText("0 changes of handset or SIM");
  await page.goto(`/contacts?case=${theCase.id}&target=${encodeURIComponent(C)}`);
  await expect(page.getByTestId("target-devices")).toContainText("No record of this target carries an IMEI or an IMSI.");
});

test("records search: IMEI (any spelling), cell, direction and duration narrow to the truth's counts", async ({ page }) => {
  const { truth, theCase } = demo;
  const imei = DEMO_DEVICES.B2.imei;
  const cell = "21112-1";
  const [min, max] = [300, 1800];
  await page.goto(`/records?case=${theCase.id}`);
  await expectTotal(page, truth.records.length);

  // The handset as printed on it, grouped: 35-699811-234905-0.
  const grouped = `${imei.slice(0, 2)}-${imei.slice(2, 8)}-${imei.slice(8, 14)}-${imei.slice(14)}`;
  await page.getByTestId("filter-imei").fill(grouped);
  const byImei = (r: (typeof truth.records)[number]) => r.imei === imei;
  await expectTotal(page, countRecords(truth, byImei));
  await expect(page).toHaveURL((u) => u.searchParams.get("imei") === grouped);

  const inCell = (r: (typeof truth.records)[number]) => byImei(r) && (r.cellFirst === cell || r.cellLast === cell);
  await page.getByTestId("filter-cell").fill(cell);
  await expectTotal(page, countRecords(truth, inCell));

  const outgoing = (r: (typeof truth.records)[number]) => inCell(r) && r.direction === "outgoing";
  await page.getByTestId("filter-direction").selectOption("outgoing");
  await expectTotal(page, countRecords(truth, outgoing));

  const lasting = (r: (typeof truth.records)[number]) => outgoing(r) && r.durationSeconds >= min && r.durationSeconds <= max;
  await page.getByTestId("filter-min-duration").fill(String(min));
  await page.getByTestId("filter-max-duration").fill(String(max));
  const n = countRecords(truth, lasting);
  expect(n).toBeGreaterThan(0);
  await expectTotal(page, n);
  await expect(page.getByTestId("record-row")).toHaveCount(n);
  await shot(page, "analytics-records-search");

  // Without the handset: the cell, direction and duration over every target of the case.
  await page.getByTestId("filter-imei").fill("");
  await expectTotal(
    page,
    countRecords(truth, (r) => (r.cellFirst === cell || r.cellLast === cell) && r.direction === "outgoing" && r.durationSeconds >= min && r.durationSeconds <= max),
  );
});

test("case report: one page per target with the truth's counts, gap, devices and heat map", async ({ page, baseURL }) => {
  const { truth, theCase } = demo;
  await setCaseTimezone(baseURL!, demo, truth.timezone);
  const instant = (iso: string) => iso.replace("T", " ").replace("Z", " UTC");
  await page.goto(`/cases/${theCase.id}`);
  await page.getByTestId("case-report-link").click();
  await expect(page).toHaveURL(new RegExp(`/cases/${theCase.id}/report`));
  await expect(page.getByTestId("case-report-name")).toContainText(theCase.name);
  await expect(page.getByTestId("case-report-target")).toHaveCount(truth.targets.length);
  for (const target of truth.targets) {
    const section = page.locator(`[data-testid="case-report-target"][data-target="${target}"]`);
    const counts = truth.counts[target]!;
    const rs = truth.records.filter((r) => r.target === target);
    const figures = {
      events: counts.records,
      calls: counts.calls,
      messages: counts.messages,
      incoming: rs.filter((r) => r.direction === "incoming").length,
      outgoing: rs.filter((r) => r.direction === "outgoing").length,
    };
    for (const [name, value] of Object.entries(figures)) await expect(section.locator(`[data-count="${name}"]`), `${target} ${name}`).toHaveText(value.toLocaleString("en-US"));
    const starts = rs.map((r) => r.start).sort();
    await expect(section).toContainText(`${instant(starts[0]!)} – ${instant(starts[starts.length - 1]!)}`);
    await expect(section.getByRole("heading", { level: 3, name: `Activity by hour and weekday (${truth.timezone})` })).toBeVisible();
    expect(await gridCounts(page, `[data-testid="case-report-target"][data-target="${target}"] [data-testid="case-report-heatmap"] tbody td`), `${target} heat map`).toEqual(
      truthCounts(target, "all"),
    );

    // Gaps: A's two-week silence between its January and February files; none for B and C.
    const gaps = truth.gaps[target]!;
    const gapTable = section.getByRole("heading", { level: 3, name: "Gaps" }).locator("xpath=following-sibling::*[1]");
    if (gaps.length === 0) await expect(gapTable).toHaveText("No unusual silences.");
    else {
      await expect(gapTable.locator("tbody tr")).toHaveCount(gaps.length);
      for (const [i, g] of gaps.entries()) {
        await expect(gapTable.locator("tbody tr").nth(i).locator("td").nth(0)).toHaveText(instant(g.from));
        await expect(gapTable.locator("tbody tr").nth(i).locator("td").nth(1)).toHaveText(instant(g.to));
      }
    }

    const devices = truth.devices[target]!;
    const changes = truth.deviceChanges[target]!.length;
    await expect(section.getByRole("heading", { level: 3, name: /^Devices/ })).toHaveText(changes ? `Devices (${changes} change${changes === 1 ? "" : "s"})` : "Devices");
    if (devices.length === 0) await expect(section).toContainText("No record carries an IMEI or an IMSI.");
    else {
      const deviceRows = section
        .getByRole("heading", { level: 3, name: /^Devices/ })
        .locator("xpath=following-sibling::*[1]")
        .locator("tbody tr");
      await expect(deviceRows).toHaveCount(devices.length);
      for (const [i, d] of devices.entries())
        await expect(deviceRows.nth(i)).toHaveText([d.imei, d.imsi, instant(d.first), instant(d.last), d.events.toLocaleString("en-US")].join(""));
    }
  }
  expect(truth.gaps[demoTargets(truth).A]).toHaveLength(1);
  await shot(page, "analytics-case-report");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByTestId("case-report-print")).toBeHidden();
  await shot(page, "analytics-case-report-print");
});
