import { expect } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { writeDemoCase, type DemoCaseTruth, type DemoRecord } from "../../tests/support/analytics-demo-case";
import { createCaseViaApi, createUserViaApi, signInCookie, uploadViaApi, waitForJob, type SeededCase, type SeededUser } from "../../tests/support/factories";

/**
 * The analytics demo case (tests/support/analytics-demo-case.ts) set up over HTTP for the analytics
 * journeys (e2e/analytics.spec.ts, cell-map.spec.ts, analytics-gaps.spec.ts): an analyst, a case
 * they created, the four carrier files written under test-results/ (kept with the screenshots) and
 * uploaded into it — each must load without review — and the truth those files imply.
 */
export interface DemoCase {
  truth: DemoCaseTruth;
  analyst: SeededUser;
  /** The analyst's session cookie, for API calls. */
  cookie: string;
  theCase: SeededCase;
  /** Where the files, the cell-site list and truth.json were written. */
  dir: string;
}

/** Creates the analyst and the case, uploads the demo files and waits for every job to complete. */
export async function setupDemoCase(baseURL: string, label = "Analytics demo"): Promise<DemoCase> {
  const analyst = await createUserViaApi(baseURL, "analyst", "demo-analyst");
  const cookie = await signInCookie(baseURL, analyst.email, analyst.password);
  const theCase = await createCaseViaApi(baseURL, cookie, label);
  const dir = path.resolve("test-results", `demo-case-${theCase.id}`);
  const truth = writeDemoCase(dir);
  fs.writeFileSync(path.join(dir, "truth.json"), JSON.stringify(truth, null, 2) + "\n");
  for (const f of truth.files) {
    const jobId = await uploadViaApi(baseURL, cookie, f.name, fs.readFileSync(f.path), theCase.id);
    // "completed": recognised as the carrier's layout without review, every row a record.
    expect(await waitForJob(baseURL, cookie, jobId), f.name).toBe("completed");
  }
  return { truth, analyst, cookie, theCase, dir };
}

/** Sets (or, with null, clears) the case's display time zone through PATCH /api/cases/:id. */
export async function setCaseTimezone(baseURL: string, demo: DemoCase, timezone: string | null): Promise<void> {
  const res = await fetch(new URL(`/api/cases/${demo.theCase.id}`, baseURL), {
    method: "PATCH",
    headers: { "content-type": "application/json", cookie: demo.cookie },
    body: JSON.stringify({ displayTimezone: timezone }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

/** The records of the case that pass `keep` (every target). */
export const countRecords = (truth: DemoCaseTruth, keep: (r: DemoRecord) => boolean) => truth.records.filter(keep).length;

/** What the link chart must draw with its default filters (every record, weight ≥ 1): targets, other numbers, common nodes and links. */
export function demoGraph(truth: DemoCaseTruth): { targets: number; contacts: number; common: number; links: number } {
  const other = (r: DemoRecord) => (r.caller === r.target ? r.callee : r.caller);
  const numbers = new Set(truth.records.map(other));
  const links = new Set(truth.records.map((r) => `${r.target}>${other(r)}`));
  return {
    targets: truth.targets.length,
    contacts: [...numbers].filter((n) => !truth.targets.includes(n)).length,
    common: truth.commonContacts.length,
    links: links.size,
  };
}

/** The demo's targets by letter: A (AT&T, two months, the gap), B (T-Mobile, the device changes), C (Verizon). */
export function demoTargets(truth: DemoCaseTruth): { A: string; B: string; C: string } {
  const [A, B, C] = truth.targets as [string, string, string];
  return { A, B, C };
}
