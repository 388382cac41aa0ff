import { describe, expect, it } from "vitest";
import type { MappableField } from "../../schemas/fields";
import { analyzeColumns, mapColumns } from "./map-columns";
import { idPair } from "./phone-role-evidence";
import { sampleFromText } from "./testing/fixture-sample";

/**
 * Party roles from the rows (issue 17): one-subscriber logs (the other party is one column, the
 * subscriber a constant column or the file itself), and calls whose two ends are named only once.
 * Small synthetic tables, one rule each.
 */
const N = 10;
const pad = (n: number) => String(n).padStart(2, "0");
const when = (i: number) => `2024-03-0${1 + (i % 5)} 1${i % 10}:${pad(5 + i)}:00`;
const secs = (i: number) => String([0, 34, 127, 5, 612, 48, 0, 93, 20, 301][i % 10]);

function fields(lines: string[][], headerLine: 1 | null, sep = ","): (MappableField | null)[] {
  return mapColumns(sampleFromText(lines.map((r) => r.join(sep)).join("\n"), sep, headerLine)).columns.map((c) => c.field);
}
const rows = <T>(f: (i: number) => T): T[] => Array.from({ length: N }, (_, i) => f(i));

describe("one-subscriber logs", () => {
  it("headerless subscriber + partner numbers: the number on every row is the target, the other column the counterparty", () => {
    // Orange D4D shape: direction code, service, subscriber, partner, time, duration (9-digit national MSISDNs, no country).
    const got = fields(
      rows((i) => [String(1 + (i % 2)), ["11", "21", "22"][i % 3]!, "770000000", `7700000${pad(10 + ((i * 7) % 9))}`, when(i), secs(i)]),
      null,
      ";",
    );
    expect(got).toEqual([null, null, "target", "counterparty", "start_time", "duration_seconds"]);
  });

  it("headerless subscriber + partner ids: a constant id beside varying ids drawn from the same set", () => {
    const partner = (i: number) => (i === 3 ? "A_x" : ["C", "D", "B_x"][i % 3]!);
    const got = fields(
      rows((i) => [when(i), "A_x", partner(i), secs(i)]),
      null,
    );
    expect(got).toEqual(["start_time", "target", "counterparty", "duration_seconds"]);
    // Without a shared id the two columns are just codes; short integers (a rate beside durations) are no ids.
    const a = analyzeColumns(sampleFromText(rows((i) => [when(i), "A_x", ["C", "D", "B_x"][i % 3]!, secs(i)].join(",")).join("\n"), ",", null));
    expect(idPair(a.profiles, a.values, () => true)).toBeNull();
    const b = analyzeColumns(sampleFromText(rows((i) => [when(i), "60", i === 2 ? "60" : String(100 + i * 37)].join(",")).join("\n"), ",", null));
    expect(idPair(b.profiles, b.values, () => true)).toBeNull();
  });

  it("the only party column of a log that goes both ways is the other party, whatever generic name it has", () => {
    const got = fields([["Number", "Date", "Duration", "Type"], ...rows((i) => [`+4420794609${pad(i)}`, when(i), secs(i), i % 2 ? "INCOMING" : "OUTGOING"])], 1);
    expect(got).toEqual(["counterparty", "start_time", "duration_seconds", "direction"]);
  });

  it("a column of national-length digits whose header names something else (a cell id) is no party", () => {
    const got = fields(
      [["Number", "Date", "Duration", "Type", "Cell ID"], ...rows((i) => [`+4420794609${pad(i)}`, when(i), secs(i), i % 2 ? "INCOMING" : "OUTGOING", `2684354${pad(i)}`])],
      1,
    );
    expect(got).toEqual(["counterparty", "start_time", "duration_seconds", "direction", "cell_first"]);
  });

  it("a single party column named as one end keeps that role when every row goes one way", () => {
    const got = fields([["To", "Date", "Duration", "Direction"], ...rows((i) => [`+4420794609${pad(i)}`, when(i), secs(i), "outgoing"])], 1);
    expect(got).toEqual(["callee", "start_time", "duration_seconds", "direction"]);
  });

  it("a B-number as the only party column of a two-way log is the other party", () => {
    const got = fields([["B Number", "Start", "Seconds", "In/Out"], ...rows((i) => [`+4420794609${pad(i)}`, when(i), secs(i), i % 3 ? "IN" : "OUT"])], 1);
    expect(got[0]).toBe("counterparty");
    // Beside a column named as the other end, even one whose values are names, it is the callee.
    const named = fields(
      [["From", "B Number", "Start", "Seconds", "In/Out"], ...rows((i) => [["Alice Smith", "Bob Jones"][i % 2]!, `+4420794609${pad(i)}`, when(i), secs(i), i % 3 ? "IN" : "OUT"])],
      1,
    );
    expect(named[1]).toBe("callee");
  });

  it("a stated target beside one party column makes that column the other party", () => {
    const text = ["Target: +44 20 7946 0999", "Party,Start,Seconds", ...rows((i) => [`+4420794609${pad(i)}`, when(i), secs(i)].join(","))].join("\n");
    const got = mapColumns(sampleFromText(text, ",", 2), { region: "GB" }).columns.map((c) => c.field);
    expect(got[0]).toBe("counterparty");
  });
});

describe("two-ended calls", () => {
  it("of two party columns whose header names one end, the unnamed one is the other end", () => {
    // UK billing CDR: the charged customer's line is an id header, the other is the non-charged (called) party.
    const got = fields(
      [
        ["Customer Identifier", "Non-Charged Party", "Call Date", "Call Time", "Duration"],
        ...rows((i) => [`+4416037618${pad(i)}`, `+4420868248${pad(30 + i)}`, `0${1 + (i % 9)}/08/2015`, `0${i % 10}:1${i % 6}:12`, secs(i)]),
      ],
      1,
    );
    expect(got).toEqual(["caller", "callee", "start_date", "start_clock", "duration_seconds"]);
    const reversed = fields([["Called Number", "Line", "Start", "Duration"], ...rows((i) => [`+4420868248${pad(30 + i)}`, `+4416037618${pad(i)}`, when(i), secs(i)])], 1);
    expect(reversed.slice(0, 2)).toEqual(["callee", "caller"]);
  });

  it("two party columns nothing tells apart are read caller-left, callee-right, even when one has a few odd values", () => {
    const odd = (i: number) => (i < 3 ? `1409${pad(i)}12345` : `9${(i * 7919) % 10}412 6615${i % 10}`);
    const got = fields(
      rows((i) => [`(080)331180${pad(i)}`, odd(i), when(i), secs(i)]),
      null,
    );
    expect(got.slice(0, 2)).toEqual(["caller", "callee"]);
    const swapped = fields(
      rows((i) => [odd(i), `(080)331180${pad(i)}`, when(i), secs(i)]),
      null,
    );
    expect(swapped.slice(0, 2)).toEqual(["caller", "callee"]);
  });
});
