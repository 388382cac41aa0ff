import { describe, expect, it } from "vitest";
import { planLayout } from "./plan-layout";
import { sampleFromText } from "./testing/fixture-sample";

const pad = (n: number) => String(n).padStart(2, "0");
const secs = [0, 34, 127, 5, 612, 48, 0, 93, 17, 240];
const disp = ["NO ANSWER", "ANSWERED", "ANSWERED", "BUSY", "ANSWERED", "ANSWERED", "FAILED", "ANSWERED", "ANSWERED", "ANSWERED"];
const apps = ["Dial", "Dial", "Queue", "Dial", "Dial", "VoiceMail", "Dial", "Playback", "Dial", "Dial"];

/** One cdr_csv line in the documented Master.csv order (optionally with uniqueid and userfield). */
function masterLine(i: number, extra: 0 | 1 | 2): string[] {
  const ring = 3 + (i % 4);
  const start = `2024-02-1${i % 10} 0${i % 10}:1${i % 6}:${pad(10 + i)}`;
  const answered = disp[i] === "ANSWERED";
  const answer = answered ? `2024-02-1${i % 10} 0${i % 10}:1${i % 6}:${pad(10 + i + ring)}` : "";
  const endSec = 10 + i + ring + secs[i]!;
  const end = `2024-02-1${i % 10} 0${i % 10}:${pad(10 + (i % 6) + Math.floor(endSec / 60))}:${pad(endSec % 60)}`;
  const src = String(6000 + i * 11);
  const dst = i % 3 === 0 ? `9141555501${pad(i)}` : String(6100 + i);
  const chan = `${i % 2 ? "PJSIP" : "SIP"}/${src}-0000${pad(i)}a${i}`;
  const row = [
    i % 4 === 0 ? "sales" : "", src, dst, i % 2 ? "from-internal" : "default", `"Ext ${src}" <${src}>`, chan,
    answered ? `SIP/trunk-0000${pad(i)}b${i}` : "", apps[i]!, `SIP/${dst},30,tT`, start, answer, end,
    String(secs[i]! + ring), String(answered ? secs[i] : 0), disp[i]!, "DOCUMENTATION",
  ];
  if (extra >= 1) row.push(`17080${pad(i)}312.${i}`);
  if (extra >= 2) row.push("");
  return row;
}

const csv = (rows: string[][]) => rows.map((r) => r.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",")).join("\n");

describe("built-in layout: Asterisk Master.csv", () => {
  it.each([0, 1, 2] as const)("recognizes the headerless file (%i optional columns) and maps src, dst, start, end, billsec", (extra) => {
    const rows = Array.from({ length: 10 }, (_, i) => masterLine(i, extra));
    const plan = planLayout(sampleFromText(csv(rows), ",", null), []);
    expect(plan.carrier).toBe("asterisk");
    const byField = Object.fromEntries(plan.columns.filter((c) => c.field !== null).map((c) => [c.field, c.index]));
    expect(byField).toEqual({ caller: 1, callee: 2, start_time: 9, end_time: 11, duration_seconds: 13 });
    expect(plan.columns[13]!.format).toBe("seconds");
    // Local server time, no zone: still a person's call.
    expect(plan.needsReview).toBe(true);
    expect(plan.reviewReasons).toContain("The file does not say which time zone its times are in");
  });

  it("maps a cdr_custom file with a header by its header, whatever the order", () => {
    const order = ["clid", "src", "dst", "dcontext", "channel", "dstchannel", "lastapp", "lastdata", "start", "answer", "end", "duration", "billsec", "disposition", "amaflags", "accountcode", "uniqueid", "userfield"];
    const documented = ["accountcode", "src", "dst", "dcontext", "clid", "channel", "dstchannel", "lastapp", "lastdata", "start", "answer", "end", "duration", "billsec", "disposition", "amaflags", "uniqueid", "userfield"];
    const rows = Array.from({ length: 10 }, (_, i) => {
      const r = masterLine(i, 2);
      return order.map((h) => r[documented.indexOf(h)]!);
    });
    const plan = planLayout(sampleFromText(csv([order, ...rows]), ",", 1), []);
    expect(plan.carrier).toBe("asterisk");
    const byField = Object.fromEntries(plan.columns.filter((c) => c.field !== null).map((c) => [c.field, c.header]));
    expect(byField).toEqual({ caller: "src", callee: "dst", start_time: "start", end_time: "end", duration_seconds: "billsec" });
    expect(plan.reviewReasons).toContain("The file does not say which time zone its times are in");
  });

  it("leaves a 16-column table that is not a CDR alone", () => {
    const rows = Array.from({ length: 10 }, (_, i) => Array.from({ length: 16 }, (_, j) => (j === 9 ? `2024-02-1${i} 10:00:00` : `w${i}${j}`)));
    expect(planLayout(sampleFromText(csv(rows), ",", null), []).carrier).toBe("unknown");
  });
});
