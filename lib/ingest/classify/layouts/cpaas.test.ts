import { describe, expect, it } from "vitest";
import { builtinLayout } from "../builtin-layouts";
import { analyzeColumns } from "../map-columns";
import { planLayout } from "../plan-layout";
import { syntheticCalls } from "../testing/call-model";
import { bandwidthCall, telnyxCdrReportCsv, telnyxDetailRecord, twilioCallsCsv, twilioCallsPage, twilioConsoleCsv } from "../testing/cpaas-calls";
import { fieldHeaders, jsonSample, textSample } from "../testing/product-sample";
import type { TableSample } from "../../types";

const builtin = (sample: TableSample) => builtinLayout(sample, analyzeColumns(sample));

describe("built-in layout: Twilio", () => {
  it("maps the Calls API JSON page: from, to, start_time (not date_created), duration; the values carry +0000", async () => {
    const sample = await jsonSample(twilioCallsPage());
    const plan = planLayout(sample, []);
    expect(plan.carrier).toBe("twilio");
    expect(fieldHeaders(plan.columns)).toEqual({
      caller: "from",
      callee: "to",
      start_time: "start_time",
      end_time: "end_time",
      duration_seconds: "duration",
      direction: "direction",
    });
    expect(plan.confidence).toBeGreaterThanOrEqual(0.7);
    // The zone is in every RFC 2822 value (+0000); the layout says so. (plan-layout still asks until it reads the layout's zone.)
    expect(builtin(sample)?.zone).toEqual({ timezone: null, source: "offsets in values" });
  });

  it("maps the API's CSV representation (PascalCase names)", () => {
    const plan = planLayout(textSample(twilioCallsCsv()), []);
    expect(plan.carrier).toBe("twilio");
    expect(fieldHeaders(plan.columns)).toEqual({
      caller: "From",
      callee: "To",
      start_time: "StartTime",
      end_time: "EndTime",
      duration_seconds: "Duration",
      direction: "Direction",
    });
    expect(plan.confidence).toBeGreaterThanOrEqual(0.7);
  });

  it("maps the Console call-log export by its Call Sid column; times say UTC", () => {
    const sample = textSample(twilioConsoleCsv());
    const plan = planLayout(sample, []);
    expect(plan.carrier).toBe("twilio");
    expect(fieldHeaders(plan.columns)).toMatchObject({ caller: "From", callee: "To", start_time: "Start Time", duration_seconds: "Duration" });
    expect(plan.confidence).toBeGreaterThanOrEqual(0.7);
    expect(builtin(sample)?.zone).toEqual({ timezone: null, source: "offsets in values" });
  });
});

describe("built-in layout: Telnyx", () => {
  it("maps detail records (JSON): cli, cld, started_at, call_sec before the billed seconds; Z times, no review", async () => {
    const plan = planLayout(await jsonSample({ data: syntheticCalls().map(telnyxDetailRecord), meta: { page_number: 1, total_results: 10 } }), []);
    expect(plan.carrier).toBe("telnyx");
    expect(fieldHeaders(plan.columns)).toEqual({
      caller: "cli",
      callee: "cld",
      start_time: "started_at",
      end_time: "finished_at",
      duration_seconds: "call_sec",
      direction: "direction",
    });
    expect(plan.timezone).toBeNull();
    expect(plan.timezoneSource).toBe("offsets in values");
    expect(plan.confidence).toBeGreaterThanOrEqual(0.7);
    expect(plan.needsReview).toBe(false);
  });

  it("maps the CDR report CSV: start_timestamp_utc (never the answer time), the billed time only for want of another length", () => {
    const sample = textSample(telnyxCdrReportCsv());
    const plan = planLayout(sample, []);
    expect(plan.carrier).toBe("telnyx");
    expect(fieldHeaders(plan.columns)).toEqual({
      caller: "origination_number",
      callee: "terminating_number",
      start_time: "start_timestamp_utc",
      end_time: "end_timestamp",
      duration_seconds: "billable_time",
      direction: "direction",
    });
    expect(builtin(sample)?.zone).toEqual({ timezone: "UTC", source: expect.stringContaining("start_timestamp_utc") });
  });
});

describe("built-in layout: Bandwidth", () => {
  it.each([true, false])("maps call states (JSON, duration %s): from, to, startTime (not answerTime); ISO Z, no review", async (withDuration) => {
    const plan = planLayout(await jsonSample(syntheticCalls().map((c) => bandwidthCall(c, withDuration))), []);
    expect(plan.carrier).toBe("bandwidth");
    expect(fieldHeaders(plan.columns)).toEqual({
      caller: "from",
      callee: "to",
      start_time: "startTime",
      end_time: "endTime",
      direction: "direction",
      ...(withDuration ? { duration_seconds: "duration" } : {}),
    });
    expect(plan.timezoneSource).toBe("offsets in values");
    expect(plan.confidence).toBeGreaterThanOrEqual(0.7);
    expect(plan.needsReview).toBe(false);
  });
});
