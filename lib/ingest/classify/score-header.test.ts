import { describe, expect, it } from "vitest";
import { bestHeaderTarget, scoreHeader } from "./score-header";

describe("header similarity", () => {
  it.each([
    ["Rufnummer A", "caller"],
    ["Número de origen", "caller"],
    ["Numéro appelant", "caller"],
    ["A-Party", "caller"],
    ["Orig Nbr", "caller"],
    ["CALLED_NBR", "callee"],
    ["B-Party", "callee"],
    ["Term. No.", "callee"],
    ["Data/Hora", "start_time"],
    ["Seizure Dt Tm", "start_time"],
    ["Durée", "duration_seconds"],
    ["Dauer (s)", "duration_seconds"],
    ["Gesprächsdauer", "duration_seconds"],
    ["MDN", "target"],
    ["Seizure Time", "ignore"],
    ["NEID", "ignore"],
    ["Network Element Name", "ignore"],
    ["1st Cell ID", "cell_first"],
    ["Last Cell ID", "cell_last"],
    // The other party of a one-subscriber log (issue 17).
    ["correspondent", "counterparty"],
    ["Other Party", "counterparty"],
    ["Remote Number", "counterparty"],
    ["partner_msisdn", "counterparty"],
    ["Numéro du correspondant", "counterparty"],
    ["Gegenstelle", "counterparty"],
    // Billing records charge the caller.
    ["Charged Party", "caller"],
    ["Non-Charged Party", "callee"],
    ["talktime", "duration_seconds"],
    // Run-together capitals.
    ["CALLINGNUMBER", "caller"],
    ["CALLEDNUMBER", "callee"],
    ["BMSISDN", "callee"],
    ["CALLDURATION", "duration_seconds"],
    ["SERVEDMSISDN", "target"],
  ])("%s → %s", (header, field) => {
    expect(bestHeaderTarget(header)?.target).toBe(field);
  });

  it("reads duration units from the header", () => {
    expect(scoreHeader("Duration (min)").durationUnit).toBe("minutes");
    expect(scoreHeader("Duration (ms)").durationUnit).toBe("milliseconds");
    expect(scoreHeader("Call Duration (sec)").durationUnit).toBe("seconds");
    expect(scoreHeader("Duration").durationUnit).toBeNull();
  });

  it("does not take an end column for a start column", () => {
    const s = scoreHeader("End Date/Time").scores;
    expect(s.get("end_time")).toBe(1);
    expect(s.get("start_time") ?? 0).toBeLessThan(0.5);
  });

  it("a negated header is not what its positive phrase names", () => {
    const s = scoreHeader("Non-Charged Party").scores;
    expect(s.get("callee")).toBe(1);
    expect(s.get("caller") ?? 0).toBeLessThan(0.5);
    expect(scoreHeader("non billable duration").scores.get("duration_seconds") ?? 0).toBeLessThan(0.5);
  });
});
