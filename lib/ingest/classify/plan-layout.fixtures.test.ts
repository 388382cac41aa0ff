import { describe, expect, it } from "vitest";
import { CORE_FIELDS, type MappableField } from "../../schemas/fields";
import { cdrFixtures, loadCdrTruths } from "../../../tests/support/corpora";
import { planLayout } from "./plan-layout";
import { sampleFromFixture } from "./testing/fixture-sample";

const dir = cdrFixtures();

/** Truth `call_type` also accepts direction/record_type; truth null accepts any non-core field. */
export function fieldAgrees(truth: string | null, got: MappableField | null): boolean {
  if (truth === got) return true;
  if (truth === "call_type") return got === "direction" || got === "record_type";
  if (truth === null) return got === null || !CORE_FIELDS.includes(got);
  return false;
}

describe.skipIf(!dir)("planLayout on every sample carrier file (INDEX.json)", () => {
  const truths = dir ? loadCdrTruths(dir) : [];
  it.each(truths.map((t) => [t.file, t] as const))("%s", (_name, truth) => {
    const sample = sampleFromFixture(dir!, truth.file, truth.delimiter, truth.header_line);
    const plan = planLayout(sample, []);
    const got = plan.columns.map((c) => `${c.index}:${c.header}=${c.field}`);
    const bad = truth.columns.filter((tc) => !fieldAgrees(tc.field, plan.columns[tc.index]?.field ?? null));
    expect(
      bad.map((b) => `${b.index}:${b.header} want ${b.field}`),
      got.join(", "),
    ).toEqual([]);
    expect(plan.carrier).toBe(truth.carrier);
    expect({ review: plan.needsReview, reasons: plan.reviewReasons }).toMatchObject({ review: truth.expect_review });
    expect(plan.target).toBe(truth.target);
    if (!truth.expect_review) expect(plan.confidence).toBeGreaterThanOrEqual(0.7);
  });
});
