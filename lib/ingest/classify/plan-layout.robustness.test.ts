import { describe, expect, it } from "vitest";
import { CORE_FIELDS, type MappableField } from "../../schemas/fields";
import { cdrFixtures, loadCdrTruths } from "../../../tests/support/corpora";
import { planLayout } from "./plan-layout";
import { sampleFromFixture } from "./testing/fixture-sample";
import { inventoryVariant, variantsOf, type Variant } from "./testing/variants";

const dir = cdrFixtures();

function agrees(truth: string | null, got: MappableField | null): boolean {
  if (truth === got) return true;
  if (truth === "call_type") return got === "direction" || got === "record_type";
  if (truth === null) return got === null || !CORE_FIELDS.includes(got);
  return false;
}
const isCore = (f: string | null) => f !== null && CORE_FIELDS.includes(f as MappableField);

describe.skipIf(!dir)("planLayout on generated variants of the sample files", () => {
  const variants: Variant[] = [];
  if (dir) loadCdrTruths(dir).forEach((t, k) => variantsOf(t, sampleFromFixture(dir, t.file, t.delimiter, t.header_line), k).forEach((v) => variants.push(v)));
  variants.push(inventoryVariant());
  const results = variants.map((v) => ({ v, plan: planLayout(v.sample, []) }));

  const columnTally = (filter: (v: Variant) => boolean) => {
    let right = 0;
    let total = 0;
    const wrong: string[] = [];
    for (const { v, plan } of results.filter((r) => filter(r.v))) {
      v.fields.forEach((f, i) => {
        total++;
        const got = plan.columns[i]?.field ?? null;
        if (agrees(f, got)) right++;
        else wrong.push(`${v.name} col ${i} "${v.sample.headers[i]}" want ${f} got ${got}`);
      });
    }
    return { right, total, accuracy: right / total, wrong };
  };

  it("maps columns of reworded, translated and shuffled headers (≥ 97 % of columns)", () => {
    const t = columnTally((v) => !v.name.endsWith(":headerless"));
    process.stderr.write(`[robustness] headered columns ${t.right}/${t.total} = ${(100 * t.accuracy).toFixed(1)}%\n${t.wrong.join("\n")}\n`);
    expect(t.accuracy).toBeGreaterThanOrEqual(0.97);
  });

  it("maps headerless files from their values and sends every one to review", () => {
    const t = columnTally((v) => v.name.endsWith(":headerless"));
    process.stderr.write(`[robustness] headerless columns ${t.right}/${t.total} = ${(100 * t.accuracy).toFixed(1)}%\n${t.wrong.join("\n")}\n`);
    const headerless = results.filter((r) => r.v.name.endsWith(":headerless"));
    expect(headerless.every((r) => r.plan.needsReview)).toBe(true);
    // Phones and dates at least must come from values.
    for (const { v, plan } of headerless) {
      const phoneCols = v.fields.map((f, i) => (f === "caller" || f === "callee" ? i : -1)).filter((i) => i >= 0);
      for (const i of phoneCols) expect(["caller", "callee"], v.name).toContain(plan.columns[i]?.field);
      const startCol = v.fields.findIndex((f) => f === "start_time" || f === "start_date");
      expect(plan.columns[startCol]?.field, v.name).toBe(v.fields[startCol]);
    }
    expect(t.accuracy).toBeGreaterThanOrEqual(0.85);
  });

  it("catches the files a person must look at (≥ 90 %) and auto-accepts few wrong core mappings (≤ 2 %)", () => {
    const must = results.filter((r) => r.v.mustReview);
    const caught = must.filter((r) => r.plan.needsReview);
    const missed = must.filter((r) => !r.plan.needsReview).map((r) => r.v.name);
    const falseAlarms = results.filter((r) => !r.v.mustReview && !r.v.mayReview && r.plan.needsReview);
    let accepted = 0;
    let wrongAccepted = 0;
    const wrongList: string[] = [];
    for (const { v, plan } of results.filter((r) => !r.plan.needsReview)) {
      v.fields.forEach((f, i) => {
        const got = plan.columns[i]?.field ?? null;
        if (!isCore(f) && !isCore(got)) return;
        accepted++;
        if (!agrees(f, got)) {
          wrongAccepted++;
          wrongList.push(`${v.name} col ${i} want ${f} got ${got}`);
        }
      });
    }
    process.stderr.write(
      `[robustness] variants ${results.length}; review caught ${caught.length}/${must.length}; missed: ${missed.join(", ")}\n` +
        `[robustness] false alarms ${falseAlarms.length}: ${falseAlarms.map((r) => `${r.v.name} ${JSON.stringify(r.plan.reviewReasons)}`).join("\n")}\n` +
        `[robustness] core mappings auto-accepted ${accepted}, wrong ${wrongAccepted}: ${wrongList.join("; ")}\n`,
    );
    expect(caught.length / must.length).toBeGreaterThanOrEqual(0.9);
    expect(wrongAccepted / Math.max(1, accepted)).toBeLessThanOrEqual(0.02);
  });

  it("reads restated zones and keeps the carrier where the layout is unchanged", () => {
    const bad: string[] = [];
    for (const { v, plan } of results) {
      if (v.zone !== undefined && plan.timezone !== v.zone) bad.push(`${v.name} zone ${plan.timezone} want ${v.zone}`);
      if (v.carrier !== undefined && plan.carrier !== v.carrier) bad.push(`${v.name} carrier ${plan.carrier} want ${v.carrier}`);
    }
    expect(bad).toEqual([]);
  });
});
