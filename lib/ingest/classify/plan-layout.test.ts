import { describe, expect, it } from "vitest";
import type { LayoutTemplate } from "../../schemas/template";
import { corpus } from "../../../tests/support/corpora";
import { layoutFingerprint } from "./layout-fingerprint";
import { planLayout } from "./plan-layout";
import { sampleFromFixture, sampleFromText } from "./testing/fixture-sample";

const GENERIC = [
  "Kind\tOther Party\tWhen\tSecs\tFlow\tMe",
  "Voice\t4045550101\t2023-05-01 10:00:00\t120\tOUT\t7135550199",
  "SMS\t4045550102\t2023-05-01 11:00:00\t0\tIN\t7135550199",
  "Voice\t4045550103\t2023-05-01 12:00:00\t45\tIN\t7135550199",
  "Voice\t4045550104\t2023-05-01 13:00:00\t300\tOUT\t7135550199",
  "SMS\t4045550105\t2023-05-01 14:00:00\t0\tOUT\t7135550199",
].join("\n");

describe("planLayout", () => {
  it("gives the same fingerprint to files of one layout, another to a different layout", () => {
    const a = sampleFromText("Item,Conn. Date,ET\n1,01/02/23,0:05\n", ",", 1);
    const b = sampleFromText("ITEM,CONN_DATE,et\n2,01/03/23,1:05\n", ",", 1);
    const c = sampleFromText("Item,Conn. Time,ET\n1,01:02:03,0:05\n", ",", 1);
    expect(layoutFingerprint(a)).toBe(layoutFingerprint(b));
    expect(layoutFingerprint(a)).not.toBe(layoutFingerprint(c));
    const headerless = sampleFromText("7133537623,2023-01-01 10:00:00,12\n2062060312,2023-01-01 11:00:00,0\n", ",", null);
    expect(layoutFingerprint(headerless)).toBe("n:3:phone,datetime,int");
  });

  it("uses a saved template whose fingerprint matches: its carrier and mapping, no review", () => {
    const sample = sampleFromText(GENERIC, "\t", 1);
    const template: LayoutTemplate = {
      id: "tpl-1",
      name: "Reviewed export",
      version: 1,
      fingerprint: layoutFingerprint(sample),
      carrier: "verizon",
      headerLine: 1,
      timezone: "America/Chicago",
      columns: [
        { index: 0, header: "Kind", field: "record_type" },
        { index: 1, header: "Other Party", field: "callee" },
        { index: 2, header: "When", field: "start_time" },
        { index: 3, header: "Secs", field: "duration_seconds", format: "seconds" },
        { index: 4, header: "Flow", field: "direction" },
        { index: 5, header: "Me", field: "caller" },
      ],
    };
    const plan = planLayout(sample, [template]);
    expect(plan.templateId).toBe("tpl-1");
    expect(plan.carrier).toBe("verizon");
    expect(plan.timezone).toBe("America/Chicago");
    expect(plan.columns.map((c) => c.field)).toEqual(["record_type", "callee", "start_time", "duration_seconds", "direction", "caller"]);
    expect(plan.needsReview).toBe(false);
  });

  it("without a template, a file with silent headers and no zone goes to review with reasons", () => {
    const plan = planLayout(sampleFromText(GENERIC, "\t", 1), []);
    expect(plan.carrier).toBe("unknown");
    expect(plan.needsReview).toBe(true);
    expect(plan.reviewReasons).toContain("The file does not say which time zone its times are in");
    expect(plan.target).toBe("+17135550199");
    expect(plan.columns[5]?.field).toBe("target");
  });

  it("reads a zone named in a time header and numbers flagged as non-phones", () => {
    const text =
      "From,To,Start Time (ET),Duration (min)\nAlice,4045550101,2023-05-01 10:00:00,2.5\nBob,4045550102,2023-05-01 11:00:00,1.0\nCarol,4045550103,2023-05-01 12:00:00,3.0\n";
    const plan = planLayout(sampleFromText(text, ",", 1), []);
    expect(plan.timezone).toBe("America/New_York");
    expect(plan.columns[3]?.format).toBe("minutes");
    expect(plan.needsReview).toBe(true);
    expect(plan.reviewReasons.join(" ")).toMatch(/Column 1 "From" is named like a phone-number column/);
  });
});

const asterisk = corpus("cdr/asterisk-fafeitsch");
const bandicoot = corpus("cdr/bandicoot");

describe.skipIf(!asterisk || !bandicoot)("third-party CDR samples", () => {
  it("a headerless Asterisk Master.csv is recognized and goes to review for its zone", () => {
    const plan = planLayout(sampleFromFixture(asterisk!, "smallcdr.csv", ",", null), []);
    expect(plan.needsReview).toBe(true);
    // Issue 17: recognized as the documented cdr_csv layout (still reviewed: local times, no zone).
    expect(plan.carrier).toBe("asterisk");
    const fields = plan.columns.map((c) => c.field);
    expect(fields[1]).toBe("caller"); // src
    expect(fields[2]).toBe("callee"); // dst
    expect(fields[9]).toBe("start_time"); // start
    expect(fields[10]).toBe(null); // answer
    expect(fields[11]).toBe("end_time"); // end
    expect(fields[12]).toBe(null); // duration (ringing included)
    expect(fields[13]).toBe("duration_seconds"); // billsec
  });

  it("a bandicoot user file maps its plain English headers", () => {
    const plan = planLayout(sampleFromFixture(bandicoot!, "bandicoot/tests/samples/manual/A.csv", ",", 1), []);
    const byHeader = Object.fromEntries(plan.columns.map((c) => [c.header, c.field]));
    expect(byHeader).toMatchObject({ interaction: "record_type", direction: "direction", datetime: "start_time", call_duration: "duration_seconds" });
    expect(plan.carrier).toBe("unknown");
  });
});

describe("an other-party column", () => {
  it("is the counterparty, not the callee: it holds the caller on incoming rows; the subscriber's own number is the target", () => {
    const plan = planLayout(sampleFromText(GENERIC.replace("\tMe", "\tMy Number"), "\t", 1), []);
    expect(plan.columns.map((c) => c.field)).toEqual(["record_type", "counterparty", "start_time", "duration_seconds", "direction", "target"]);
    expect(plan.target).toBe("+17135550199");
    expect(plan.reviewReasons).not.toContain("No column was recognized as the caller or the callee");
  });
});

describe("region of the numbers", () => {
  it("every plan says which region its national numbers are read in, and why", () => {
    const us = planLayout(sampleFromText(GENERIC, "\t", 1), []);
    expect([us.region, us.regionSource]).toEqual(["US", "numbers"]);
    const uk = planLayout(
      sampleFromText(["From,To,Start,Duration", ...[0, 1, 2, 3].map((i) => `+44207946095${i},+44161496000${i},2023-05-0${i + 1} 10:00:00,${30 + i}`)].join("\n"), ",", 1),
      [],
    );
    expect([uk.region, uk.regionSource]).toEqual(["GB", "numbers"]);
    const stated = planLayout(
      sampleFromText(
        ["Call records", "Country: IN", "From,To,Start,Duration", ...[0, 1, 2, 3].map((i) => `98453 9449${i},(080)3311803${i},2023-05-0${i + 1} 10:00:00,${30 + i}`)].join("\n"),
        ",",
        3,
      ),
      [],
    );
    expect([stated.region, stated.regionSource]).toEqual(["IN", "preamble"]);
    const unknown = planLayout(
      sampleFromText(["From,To,Start,Duration", ...[0, 1, 2, 3].map((i) => `98453 9449${i},93412 6615${i},2023-05-0${i + 1} 10:00:00,${30 + i}`)].join("\n"), ",", 1),
      [],
    );
    expect([unknown.region, unknown.regionSource]).toEqual([null, null]);
  });

  it("a template's region wins over the numbers", () => {
    const sample = sampleFromText(GENERIC, "\t", 1);
    const template: LayoutTemplate = {
      id: "tpl-2",
      name: "Reviewed",
      version: 1,
      fingerprint: layoutFingerprint(sample),
      carrier: "unknown",
      headerLine: 1,
      timezone: "UTC",
      region: "CA",
      columns: sample.headers.map((header, index) => ({ index, header, field: null })),
    };
    const plan = planLayout(sample, [template]);
    expect([plan.region, plan.regionSource]).toEqual(["CA", "template"]);
  });
});
