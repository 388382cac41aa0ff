import { expect, test, type Page } from "@playwright/test";
import { DEMO_TARGETS, silences } from "../tests/support/analytics-demo-case";
import { setupDemoCase } from "./support/demo-case";
import { shot, signIn } from "./support/browser";

test.use({ viewport: { width: 1440, height: 1000 } });

/** The gap rows under the timeline, as [from, to]. */
async function gapRows(page: Page): Promise<[string, string][]> {
  const rows = page.getByTestId("timeline-gap-row");
  const out: [string, string][] = [];
  for (let i = 0; i < (await rows.count()); i++) out.push([(await rows.nth(i).getAttribute("data-from"))!, (await rows.nth(i).getAttribute("data-to"))!]);
  return out;
}

const spans = (gaps: { from: string; to: string }[]) => gaps.map((g): [string, string] => [g.from, g.to]);

test("gaps across files follow the target's threshold, and a device change is marked on the timeline", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const demo = await setupDemoCase(baseURL!, "Gaps demo");
  const { truth, theCase } = demo;
  const A = DEMO_TARGETS.A;
  const B = DEMO_TARGETS.B;
  const startsOf = (target: string) => truth.records.filter((r) => r.target === target).map((r) => r.start);
  // The script's truth: one two-week silence across A's two monthly files under the default rule.
  expect(truth.gaps[A]).toHaveLength(1);
  expect(truth.gaps[A]![0]!.seconds).toBeGreaterThanOrEqual(14 * 86400);
  expect(truth.deviceChanges[B]!.length).toBeGreaterThan(0);

  await signIn(page, demo.analyst.email, demo.analyst.password);
  await page.goto(`/contacts?case=${theCase.id}&target=${encodeURIComponent(A)}`);
  await expect(page.getByTestId("timeline-chart")).toBeVisible();

  // Default threshold: 24 hours and 8×; the two-week gap as a band and as a row.
  await expect(page.getByTestId("gap-min-hours")).toHaveValue("24");
  await expect(page.getByTestId("gap-min-ratio")).toHaveValue("8");
  await expect(page.getByTestId("gap-threshold-reset")).toBeDisabled();
  await expect(page.getByTestId("timeline-gap")).toHaveCount(truth.gaps[A]!.length);
  await expect(page.getByTestId("timeline-gap-row")).toHaveCount(truth.gaps[A]!.length);
  expect(await gapRows(page)).toEqual(spans(truth.gaps[A]!));
  await expect(page.getByTestId("timeline-gap-summary")).toContainText("24 h and 8× the usual interval (the default)");
  await shot(page, "gaps-1-default-two-week-gap");

  // A minimum above two weeks: nothing is reported.
  await page.getByTestId("gap-min-hours").fill(String(15 * 24));
  await page.getByTestId("gap-threshold-save").click();
  await expect(page.getByTestId("timeline-gap-row")).toHaveCount(0);
  await expect(page.getByTestId("timeline-gap")).toHaveCount(0);
  await expect(page.getByTestId("timeline-gap-summary")).toContainText("No silence of at least 15 d");
  await shot(page, "gaps-2-above-two-weeks");

  // 10 hours and 1×: every silence of 10 hours or more (A's rhythm is a few hours, so the ratio never decides).
  const looser = silences(startsOf(A), 10 * 3600, 1);
  expect(looser.length).toBeGreaterThan(truth.gaps[A]!.length);
  await page.getByTestId("gap-min-hours").fill("10");
  await page.getByTestId("gap-min-ratio").fill("1");
  await page.getByTestId("gap-threshold-save").click();
  await expect(page.getByTestId("timeline-gap-row")).toHaveCount(looser.length);
  expect(await gapRows(page)).toEqual(spans(looser));
  await expect(page.getByTestId("timeline-gap")).toHaveCount(looser.length);
  await shot(page, "gaps-3-ten-hours");

  // The case-wide answer agrees, and only A's threshold changed.
  const res = await fetch(new URL(`/api/analytics/gaps?caseId=${theCase.id}`, baseURL), { headers: { cookie: demo.cookie } });
  expect(res.status).toBe(200);
  const api = (await res.json()) as {
    gaps: { target: string; from: string; to: string }[];
    thresholds: { target: string; minSeconds: number; minRatio: number; isDefault: boolean }[];
  };
  expect(spans(api.gaps.filter((g) => g.target === A))).toEqual(spans(looser));
  for (const t of truth.targets.filter((t) => t !== A)) expect(spans(api.gaps.filter((g) => g.target === t)), t).toEqual(spans(truth.gaps[t] ?? []));
  expect(api.thresholds.find((t) => t.target === A)).toMatchObject({ minSeconds: 36000, minRatio: 1, isDefault: false });
  expect(api.thresholds.filter((t) => t.target !== A).every((t) => t.isDefault)).toBe(true);

  // Back to the default.
  await page.getByTestId("gap-threshold-reset").click();
  await expect(page.getByTestId("gap-min-hours")).toHaveValue("24");
  await expect(page.getByTestId("timeline-gap-row")).toHaveCount(truth.gaps[A]!.length);
  expect(await gapRows(page)).toEqual(spans(truth.gaps[A]!));

  // B's handset and SIM changes: one marker each on its timeline, labelled.
  await page.goto(`/contacts?case=${theCase.id}&target=${encodeURIComponent(B)}`);
  const markers = page.getByTestId("timeline-device-change");
  await expect(markers).toHaveCount(truth.deviceChanges[B]!.length);
  for (const [i, c] of truth.deviceChanges[B]!.entries()) {
    await expect(markers.nth(i)).toHaveAttribute("data-at", c.at);
    await expect(markers.nth(i).locator("text")).toHaveText(c.imeiChanged && c.imsiChanged ? "New handset and SIM" : c.imeiChanged ? "New handset" : "New SIM");
  }
  await expect(page.getByTestId("timeline-chart")).toBeVisible();
  await shot(page, "gaps-4-device-changes");
});
