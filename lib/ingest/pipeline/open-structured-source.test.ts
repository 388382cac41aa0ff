import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { LayoutTemplate } from "../../schemas/template";
import { structureJson } from "../../jobs/template-commands";
import { layoutFingerprint } from "../classify/layout-fingerprint";
import { openTableSource } from "../extract/open-table-source";
import { openStructuredSource } from "./plan-file";

/**
 * Issue 18: a header line a reviewer chose over detection is saved with the template
 * (structure.headerLine) and the next file of the layout is read with it, as the confirmed file
 * was. Real text files through the real reader.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sy-structure-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const file = path.join(dir, "calls.csv");
fs.writeFileSync(
  file,
  [
    "Calls exported 2026-01-06",
    "Start,Caller,Callee,Seconds",
    ...Array.from({ length: 30 }, (_, i) => `2026-01-05 10:${String(i).padStart(2, "0")}:00,+1713555${String(1000 + i)},+18325550100,${30 + i}`),
  ].join("\n") + "\n",
);
const open = (sheet: string | undefined, headerLine: number | null | undefined) => openTableSource(file, "text", { headerLine, sheet });

async function detected() {
  const s = await open(undefined, undefined);
  try {
    return await s.sample();
  } finally {
    await s.close();
  }
}

function template(fingerprint: string, headerLine: number | null | undefined): LayoutTemplate {
  return {
    id: "t",
    name: "t",
    version: 1,
    fingerprint,
    carrier: "unknown",
    headerLine: null,
    timezone: "UTC",
    columns: [],
    structure: headerLine === undefined ? null : { headerLine },
  };
}

describe("openStructuredSource and a template's header line", () => {
  it("reads the next file with the header line the reviewer chose, unless the mapping names one", async () => {
    const sample = await detected();
    const fingerprint = layoutFingerprint(sample);
    // A reviewer chose line 1 where detection found another (a deliberate, checkable choice).
    const chosen = sample.headerLine === 1 ? 2 : 1;
    const withTemplate = await openStructuredSource(open, [template(fingerprint, chosen)], null);
    await withTemplate.source.close();
    expect(withTemplate.sample.headerLine).toBe(chosen);
    expect(withTemplate.fingerprint).toBe(fingerprint); // still recognised by the detected table

    // No header line in the template (detection agreed): read as detected.
    const plain = await openStructuredSource(open, [template(fingerprint, undefined)], null);
    await plain.source.close();
    expect(plain.sample.headerLine).toBe(sample.headerLine);

    // The reviewer's own choice wins over the template's.
    const own = await openStructuredSource(open, [template(fingerprint, chosen)], { columns: [], headerLine: sample.headerLine });
    await own.source.close();
    expect(own.sample.headerLine).toBe(sample.headerLine);
  });

  it("stores a header line only when the reviewer's differs from detection", () => {
    expect(structureJson(undefined, undefined, undefined)).toBeNull();
    expect(JSON.parse(structureJson(undefined, undefined, 3)!)).toEqual({ headerLine: 3 });
    expect(JSON.parse(structureJson(undefined, undefined, null)!)).toEqual({ headerLine: null });
  });
});
