import { describe, expect, it } from "vitest";
import { planLayout } from "../plan-layout";
import { syntheticCalls } from "../testing/call-model";
import { EXAMPLE_TEMPLATE, fsCsvLines, fsHeaderCsv, fsJsonCdr } from "../testing/freeswitch-cdr";
import { fieldColumns, fieldHeaders, jsonSample, textSample } from "../testing/product-sample";

const ZONE_UNKNOWN = "The file does not say which time zone its times are in";

describe("built-in layout: FreeSWITCH mod_cdr_csv", () => {
  it.each(["example", "default", "sql"] as const)("recognizes the headerless %s template: caller_id_number, destination_number, start_stamp, end_stamp, billsec", (template) => {
    const plan = planLayout(textSample(fsCsvLines(template)), []);
    expect(plan.carrier).toBe("freeswitch");
    expect(fieldColumns(plan.columns)).toEqual({ caller: 1, callee: 2, start_time: 4, end_time: 6, duration_seconds: 8 });
    expect(plan.columns[8]!.format).toBe("seconds");
    // Local switch time, no header: a person names the zone and confirms the columns.
    expect(plan.needsReview).toBe(true);
    expect(plan.reviewReasons).toContain(ZONE_UNKNOWN);
  });

  it("recognizes the asterisk template (Asterisk order, FreeSWITCH values) as FreeSWITCH, not Asterisk", () => {
    const plan = planLayout(textSample(fsCsvLines("asterisk")), []);
    expect(plan.carrier).toBe("freeswitch");
    expect(fieldColumns(plan.columns)).toEqual({ caller: 1, callee: 2, start_time: 9, end_time: 11, duration_seconds: 13 });
  });

  it("maps a header of channel variables by name and prefers the UTC epoch to the local stamp: no review", () => {
    const names = [...EXAMPLE_TEMPLATE, "start_epoch", "answer_epoch", "end_epoch"];
    const plan = planLayout(textSample(fsHeaderCsv(names)), []);
    expect(plan.carrier).toBe("freeswitch");
    expect(fieldHeaders(plan.columns)).toEqual({
      caller: "caller_id_number",
      callee: "destination_number",
      start_time: "start_epoch",
      end_time: "end_epoch",
      duration_seconds: "billsec",
    });
    expect(plan.columns.find((c) => c.field === "start_time")!.format).toBe("epoch_s");
    expect(plan.timezone).toBe("UTC");
    expect(plan.confidence).toBeGreaterThanOrEqual(0.7);
    expect(plan.needsReview).toBe(false);
  });

  it("with only start_stamp in the header, maps it and asks for the zone", () => {
    const plan = planLayout(textSample(fsHeaderCsv(EXAMPLE_TEMPLATE)), []);
    expect(plan.carrier).toBe("freeswitch");
    expect(fieldHeaders(plan.columns).start_time).toBe("start_stamp");
    expect(plan.reviewReasons).toEqual([ZONE_UNKNOWN]);
  });
});

describe("built-in layout: FreeSWITCH mod_json_cdr", () => {
  it("maps a list of JSON CDRs by their variables: epoch start (UTC), billsec; no review", async () => {
    const plan = planLayout(await jsonSample(syntheticCalls().map(fsJsonCdr)), []);
    expect(plan.carrier).toBe("freeswitch");
    expect(fieldHeaders(plan.columns)).toEqual({
      caller: "variables.caller_id_number",
      callee: "variables.destination_number",
      start_time: "variables.start_epoch",
      end_time: "variables.end_epoch",
      duration_seconds: "variables.billsec",
    });
    expect(plan.timezone).toBe("UTC");
    expect(plan.confidence).toBeGreaterThanOrEqual(0.7);
    expect(plan.needsReview).toBe(false);
  });

  it("takes the parties from the caller profile when the variables do not name them", async () => {
    const docs = syntheticCalls().map((c) => {
      const doc = fsJsonCdr(c);
      const { caller_id_number: _a, destination_number: _b, ...variables } = doc.variables as Record<string, string>;
      return { ...doc, variables };
    });
    const plan = planLayout(await jsonSample(docs), []);
    expect(plan.carrier).toBe("freeswitch");
    expect(fieldHeaders(plan.columns)).toMatchObject({
      caller: "callflow.0.caller_profile.caller_id_number",
      callee: "callflow.0.caller_profile.destination_number",
    });
  });
});
