import { it } from "vitest";
import { loadCdrTruths } from "../../../tests/support/corpora";
import { planLayout } from "./plan-layout";
import { sampleFromFixture } from "./testing/fixture-sample";
const dir = "/work/shared/fixtures/cdr";
it("dump", () => {
  for (const t of loadCdrTruths(dir)) {
    const p = planLayout(sampleFromFixture(dir, t.file, t.delimiter, t.header_line), []);
    console.log(t.file, p.carrier, p.confidence, p.timezone, p.timezoneSource, p.target, p.needsReview, JSON.stringify(p.reviewReasons));
    console.log("   " + p.columns.map((c) => `${c.header}=${c.field}@${c.confidence}${c.format ? "/" + c.format : ""}`).join("; "));
  }
});
