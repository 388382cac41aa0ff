import { expect, test } from "@playwright/test";
import fs from "node:fs";
import { createCaseViaApi, createUserViaApi, signInCookie, uploadViaApi, waitForJob } from "../tests/support/factories";
import { fixture, hasFixtures, shot, signIn } from "./support/browser";

// Three carriers, three targets: one graph with several components (or common contacts between them).
const FILES = ["att-1.csv", "tmobile-1.tsv", "verizon-1.txt"];

test.use({ viewport: { width: 1440, height: 900 } });

interface ApiGraph {
  nodes: { id: string; label: string; target: boolean; common: boolean }[];
  edges: unknown[];
  truncated: boolean;
}

test("the link chart draws the case's graph, zooms, pins a node and leads to a node's records", async ({ page, baseURL }) => {
  test.skip(!hasFixtures(...FILES), "fixtures not found (set SWITCHYARD_FIXTURES)");
  const analyst = await createUserViaApi(baseURL!, "analyst", "charter");
  const cookie = await signInCookie(baseURL!, analyst.email, analyst.password);
  const theCase = await createCaseViaApi(baseURL!, cookie, "Link chart");
  for (const file of FILES) {
    const jobId = await uploadViaApi(baseURL!, cookie, file, fs.readFileSync(fixture(file)), theCase.id);
    expect(["completed", "partial"]).toContain(await waitForJob(baseURL!, cookie, jobId));
  }
  const res = await fetch(new URL(`/api/analytics/graph?caseId=${theCase.id}&format=json`, baseURL), { headers: { cookie } });
  expect(res.status).toBe(200);
  const api = (await res.json()) as ApiGraph;
  const targets = api.nodes.filter((n) => n.target);
  expect(targets.length).toBeGreaterThanOrEqual(2);

  // From the case page, the "Link chart" link.
  await signIn(page, analyst.email, analyst.password);
  await page.goto(`/cases/${theCase.id}`);
  await page.getByTestId("case-link-chart").click();
  await expect(page).toHaveURL(new RegExp(`/cases/${theCase.id}/graph\\?case=${theCase.id}$`));
  const chart = page.getByTestId("link-chart");
  await expect(chart).toHaveAttribute("role", "img");
  await expect(chart).toHaveAttribute("aria-label", new RegExp(`^Link chart: ${targets.length} targets`));

  // Every node of the API's answer is drawn; every target is labelled.
  const nodes = page.getByTestId("link-chart-node");
  await expect(nodes).toHaveCount(api.nodes.length);
  await expect(page.getByTestId("link-chart-node-row")).toHaveCount(api.nodes.length);
  for (const t of targets) await expect(page.locator(`[data-testid="link-chart-label"][data-id="${t.id}"]`)).toHaveText(t.label.length > 22 ? /.+…$/ : t.label);
  // Labels only for targets, common contacts and the hovered or selected node: never all 500.
  const labelled = api.nodes.filter((n) => n.target || n.common).length;
  expect(await page.getByTestId("link-chart-label").count()).toBeLessThanOrEqual(labelled + 1);
  await expect(page.getByTestId("link-chart-truncated")).toHaveCount(api.truncated ? 1 : 0);
  await shot(page, "link-chart-1-graph");

  // Wheel zoom around the cursor changes the transform; "Fit" restores it.
  const viewport = page.getByTestId("link-chart-viewport");
  const before = await viewport.getAttribute("transform");
  const box = (await chart.boundingBox())!;
  await page.mouse.move(box.x + box.width / 3, box.y + box.height / 3);
  await page.mouse.wheel(0, -300);
  await expect.poll(() => viewport.getAttribute("transform")).not.toBe(before);
  expect(Number(await chart.getAttribute("data-zoom"))).toBeGreaterThan(1);
  await shot(page, "link-chart-2-zoomed");
  await page.getByRole("button", { name: "Fit" }).click();
  await expect(viewport).toHaveAttribute("transform", before!);

  // Dragging a node moves it and pins it.
  const first = targets[0]!;
  const node = page.locator(`[data-testid="link-chart-node"][data-id="${first.id}"]`);
  const circle = node.locator("circle").last();
  const cxBefore = await circle.getAttribute("cx");
  await circle.scrollIntoViewIfNeeded(); // the mouse only reaches what is on screen
  const nb = (await circle.boundingBox())!;
  await page.mouse.move(nb.x + nb.width / 2, nb.y + nb.height / 2);
  await page.mouse.down();
  await page.mouse.move(nb.x + nb.width / 2 + 40, nb.y + nb.height / 2 + 25, { steps: 5 });
  await page.mouse.up();
  await expect(node).toHaveAttribute("data-pinned", "true");
  expect(await circle.getAttribute("cx")).not.toBe(cxBefore);
  // A drag is no click: nothing selected yet.
  await expect(page.getByTestId("link-chart-panel")).toHaveCount(0);

  // The keyboard's way: the table's select button opens the same panel.
  await page.getByRole("button", { name: `Select ${targets[1]!.label}`, exact: true }).click();
  await expect(page.getByTestId("link-chart-panel")).toHaveAttribute("data-id", targets[1]!.id);

  // Clicking a node selects it: its panel, its records link and (a target) its contacts link.
  await circle.click();
  const panel = page.getByTestId("link-chart-panel");
  await expect(panel).toHaveAttribute("data-id", first.id);
  await expect(node).toHaveAttribute("data-selected", "true");
  await expect(panel.getByTestId("link-chart-contacts")).toHaveAttribute("href", `/contacts?case=${theCase.id}&target=${encodeURIComponent(first.id)}`);
  await shot(page, "link-chart-3-selected");
  await panel.getByTestId("link-chart-records").click();
  await expect(page).toHaveURL((u) => u.pathname === "/records" && u.searchParams.get("case") === String(theCase.id) && u.searchParams.get("number") === first.id);
  await expect(page.getByTestId("record-row").first()).toBeVisible();
  await shot(page, "link-chart-4-records");
});

test("the case report has a page per target with the API's figures, and prints without the app's chrome", async ({ page, baseURL }) => {
  test.skip(!hasFixtures(...FILES), "fixtures not found (set SWITCHYARD_FIXTURES)");
  const analyst = await createUserViaApi(baseURL!, "analyst", "reporter");
  const cookie = await signInCookie(baseURL!, analyst.email, analyst.password);
  const theCase = await createCaseViaApi(baseURL!, cookie, "Report");
  for (const file of FILES.slice(0, 2)) {
    const jobId = await uploadViaApi(baseURL!, cookie, file, fs.readFileSync(fixture(file)), theCase.id);
    expect(["completed", "partial"]).toContain(await waitForJob(baseURL!, cookie, jobId));
  }
  const res = await fetch(new URL(`/api/analytics/report?caseId=${theCase.id}`, baseURL), { headers: { cookie } });
  expect(res.status).toBe(200);
  const report = (await res.json()) as { targets: { target: string; counts: { records: number } }[] };
  expect(report.targets.length).toBeGreaterThanOrEqual(2);

  await signIn(page, analyst.email, analyst.password);
  await page.goto(`/cases/${theCase.id}/report`);
  await expect(page.getByTestId("case-report-name")).toContainText(theCase.name);
  const sections = page.getByTestId("case-report-target");
  await expect(sections).toHaveCount(report.targets.length);
  for (const t of report.targets) {
    const section = page.locator(`[data-testid="case-report-target"][data-target="${t.target}"]`);
    await expect(section.locator('[data-count="events"]')).toHaveText(t.counts.records.toLocaleString("en-US"));
    await expect(section.getByTestId("case-report-heatmap")).toBeVisible();
  }
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByTestId("case-report-print")).toBeHidden();
  await shot(page, "case-report-print");
});
