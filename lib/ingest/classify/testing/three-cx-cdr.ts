import { answerMs, clockLength, endMs, syntheticCalls, wallClock, type SyntheticCall } from "./call-model";

/**
 * 3CX files from the documented CDR output fields (3CX "CDR - Call Data Records", default order)
 * and the V18+ call history export columns. Times are the PBX's local wall clock (UTC+1 here).
 */
export const THREE_CX_CDR_FIELDS = [
  "historyid",
  "callid",
  "duration",
  "time-start",
  "time-answered",
  "time-end",
  "reason-terminated",
  "from-no",
  "to-no",
  "from-dn",
  "to-dn",
  "dial-no",
  "reason-changed",
  "final-number",
  "final-dn",
  "bill-code",
  "bill-rate",
  "bill-cost",
  "bill-name",
  "chain",
  "from-type",
  "to-type",
  "final-type",
  "from-dispname",
  "to-dispname",
  "final-dispname",
  "missed-queue-calls",
];

const LOCAL = 1;
const when = (ms: number) => wallClock(ms, LOCAL, "/");

function cdrValues(c: SyntheticCall): Record<string, string> {
  const ext = c.inbound ? c.callee : c.caller;
  return {
    historyid: String(5000 + c.i),
    callid: `00000${(0x18a3f0 + c.i).toString(16).toUpperCase()}_${c.i}`,
    duration: clockLength(c.talkSeconds),
    "time-start": when(c.start),
    "time-answered": c.answered ? when(answerMs(c)) : "",
    "time-end": when(endMs(c)),
    "reason-terminated": c.i % 2 === 0 ? "TerminatedBySrc" : "TerminatedByDst",
    "from-no": c.inbound ? c.caller : `Ext.${ext}`,
    "to-no": c.inbound ? `Ext.${ext}` : c.callee,
    "from-dn": c.inbound ? "10000" : ext,
    "to-dn": c.inbound ? ext : "10000",
    "dial-no": c.inbound ? ext : c.callee,
    "reason-changed": "",
    "final-number": c.inbound ? `Ext.${ext}` : c.callee,
    "final-dn": c.answered ? ext : "",
    "bill-code": "",
    "bill-rate": "",
    "bill-cost": "",
    "bill-name": "",
    chain: `Chain: ${c.caller};${c.callee};`,
    "from-type": c.inbound ? "Line" : "Extension",
    "to-type": c.inbound ? "Extension" : "Line",
    "final-type": c.inbound ? "Extension" : "Line",
    "from-dispname": `Caller ${c.i}`,
    "to-dispname": `Callee ${c.i}`,
    "final-dispname": `Callee ${c.i}`,
    "missed-queue-calls": "",
  };
}

const cell = (v: string) => (/[",;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** cdr.log lines (no header), or with the names as a header (`_` instead of `-` as collectors store them). */
export function threeCxCdr(header: "none" | "dashes" | "underscores", n = 10): string {
  const rows = syntheticCalls(n).map((c) => {
    const v = cdrValues(c);
    return THREE_CX_CDR_FIELDS.map((f) => cell(v[f]!)).join(",");
  });
  const names = header === "underscores" ? THREE_CX_CDR_FIELDS.map((f) => f.replace(/-/g, "_")) : THREE_CX_CDR_FIELDS;
  return [...(header === "none" ? [] : [names.join(",")]), ...rows].join("\n") + "\n";
}

/** The V18+ call history export: Call Time, Call ID, From, To, Direction, Status, Ringing, Talking, Cost, Call Activity Details. */
export function threeCxCallHistory(n = 10): string {
  const head = "Call Time,Call ID,From,To,Direction,Status,Ringing,Talking,Cost,Call Activity Details";
  const rows = syntheticCalls(n).map((c) =>
    [
      wallClock(c.start, LOCAL),
      String(7000 + c.i),
      c.caller,
      c.callee,
      c.inbound ? "Inbound" : "Outbound",
      c.answered ? "Answered" : "Unanswered",
      clockLength(c.ringSeconds).padStart(8, "0"),
      clockLength(c.talkSeconds).padStart(8, "0"),
      c.inbound ? "" : "0.02",
      cell(c.answered ? `Answered by ${c.callee}` : "Missed"),
    ].join(","),
  );
  return [head, ...rows].join("\n") + "\n";
}
