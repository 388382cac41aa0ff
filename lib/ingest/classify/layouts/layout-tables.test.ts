import { describe, expect, it } from "vitest";
import { analyzeColumns } from "../map-columns";
import { textSample } from "../testing/product-sample";
import { FAMILIES } from "./index";
import { matchHeader } from "./match-header";
import { normalizeName } from "./names";
import type { HeaderLayout } from "./types";
import { kindShare } from "./value-tests";

describe("layout tables", () => {
  const positional = FAMILIES.flatMap((f) => f.positional);
  const header = FAMILIES.flatMap((f) => f.header);

  it("name only columns, fields and value kinds that exist", () => {
    const profile = analyzeColumns(textSample("a,b\n1,2\n")).profiles[0]!;
    for (const l of positional) {
      for (const c of l.checks) {
        expect(() => kindShare(c.kind, ["x"], profile), `${l.name}: ${c.kind}`).not.toThrow();
        for (const at of c.at) expect(l.columns, `${l.name}: check ${c.name}`).toContain(at);
      }
      for (const g of l.gates)
        for (const name of g)
          expect(
            l.checks.map((c) => c.name),
            `${l.name}: gate`,
          ).toContain(name);
      for (const names of Object.values(l.fields)) for (const n of names ?? []) expect(l.columns, `${l.name}: field`).toContain(n);
      expect(l.width[0]).toBeLessThanOrEqual(l.width[1]);
    }
    for (const l of header) {
      expect(l.minMarkers, l.name).toBeLessThanOrEqual(l.markers.length);
      expect(l.fields.start_time?.length ?? 0, `${l.name}: a start`).toBeGreaterThan(0);
      expect(l.source, l.name).not.toBe("");
    }
  });

  it("compare names case-, space- and punctuation-blind", () => {
    expect(normalizeName("start_time")).toBe(normalizeName("StartTime"));
    expect(normalizeName("Start Time")).toBe(normalizeName("start-time"));
    expect(normalizeName("\uFEFFCDR(src)")).toBe("src");
    expect(normalizeName("variables.start_epoch")).toBe("variablesstartepoch");
  });
});

describe("a new platform is a table row", () => {
  const ACME: HeaderLayout = {
    carrier: "unknown",
    name: "Acme PBX export",
    source: "test",
    markers: ["acme_call_ref", "acme_trunk", "talk_secs"],
    minMarkers: 2,
    fields: { caller: ["orig_party"], callee: ["dialled", "term_party"], start_time: ["setup_time"], duration_seconds: ["talk_secs"] },
    zone: null,
  };
  const rows = [
    "Acme Call Ref,Orig Party,Dialled,Term Party,Setup Time,Talk Secs,Acme Trunk",
    "A1,2125550101,,2125550199,2024-03-01 10:00:00,65,T1",
    "A2,2125550102,,2125550198,2024-03-01 11:00:00,0,T1",
    "A3,2125550103,2125550197,2125550197,2024-03-01 12:00:00,12,T2",
  ].join("\n");

  it("is recognized by its markers and mapped by its names; the first filled candidate wins", () => {
    const sample = textSample(rows);
    const found = matchHeader(ACME, sample, analyzeColumns(sample));
    expect(found?.name).toBe("Acme PBX export");
    const byField = Object.fromEntries(found!.columns.filter((c) => c.field).map((c) => [c.field, c.header]));
    // "Dialled" is blank in most rows: the callee is the next name, "Term Party".
    expect(byField).toEqual({ caller: "Orig Party", callee: "Term Party", start_time: "Setup Time", duration_seconds: "Talk Secs" });
    expect(found!.confidence).toBeCloseTo(0.75);
  });

  it("is not claimed without its markers, and a column of unreadable times is left doubtful", () => {
    const noMarkers = textSample(rows.replace("Acme Call Ref", "Ref").replace("Acme Trunk", "Trunk").replace("Talk Secs", "Secs"));
    expect(matchHeader(ACME, noMarkers, analyzeColumns(noMarkers))).toBeNull();
    const badTimes = textSample(rows.replace(/2024-03-01 1\d:00:00/g, "soon"));
    const found = matchHeader(ACME, badTimes, analyzeColumns(badTimes));
    expect(found!.columns.find((c) => c.field === "start_time")!.confidence).toBeLessThan(0.7);
  });
});
