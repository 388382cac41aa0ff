import type { LayoutFamily } from "./types";

/**
 * 3CX.
 * - The CDR service (http://www.3cx.com/blog/docs/cdr-call-data-records/, "Configuring the CDR
 *   fields"; field meanings also in tim4biz.com/pbx/3cx/): comma-separated lines, no header, the
 *   fields the admin ticks, in the documented order historyid, callid, duration, time-start, time-answered, time-end, reason-terminated,
 *   from-no, to-no, from-dn, to-dn, dial-no, reason-changed, final-number, final-dn, bill-code,
 *   bill-rate, bill-cost, bill-name, chain, from-type, to-type, final-type, from-dispname,
 *   to-dispname, final-dispname, missed-queue-calls. Times as `2019/11/29 12:22:45`, the PBX's
 *   local time; reason-terminated as TerminatedBySrc / TerminatedByDst (as parsed by the MIT
 *   dorel14/3CX-Cdr-Server collector). Collectors that store them write the same names as a header
 *   (with `_` for `-`).
 * - V18+ "Call History" / call-log report CSV: Call Time, Call ID, From, To, Direction, Status,
 *   Ringing, Talking, Cost, Call Activity Details — the column list of issue 17; no public 3CX page
 *   listing it was found, so the markers are the columns no other export names together. `Talking`
 *   is the call's length.
 * Local times only: such files go to review for the zone.
 */
const CDR_SOURCE = "http://www.3cx.com/blog/docs/cdr-call-data-records/";

const CDR_ORDER = [
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
] as const;

const CDR_FIELDS = {
  caller: ["from-no"],
  callee: ["to-no", "final-number"],
  dialed_digits: ["dial-no"],
  start_time: ["time-start"],
  end_time: ["time-end"],
  duration_seconds: ["duration"],
} as const;

export const THREE_CX: LayoutFamily = {
  positional: [
    {
      carrier: "3cx",
      name: "3CX CDR service (default field order)",
      source: CDR_SOURCE,
      columns: CDR_ORDER,
      width: [27, 28],
      fields: CDR_FIELDS,
      checks: [
        { name: "reason", at: ["reason-terminated"], kind: "threeCxReason", weight: 2 },
        { name: "times", at: ["time-start", "time-end"], kind: "dateTime", weight: 1 },
        { name: "length", at: ["duration"], kind: "lengthOfTime", weight: 1 },
      ],
      gates: [["reason", "times"]],
      zone: null,
    },
  ],
  header: [
    {
      carrier: "3cx",
      name: "3CX CDR with a header",
      source: CDR_SOURCE,
      markers: [
        "historyid",
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
        "from-type",
        "to-type",
        "final-type",
        "from-dispname",
        "to-dispname",
        "final-dispname",
        "missed-queue-calls",
      ],
      minMarkers: 4,
      fields: CDR_FIELDS,
      zone: null,
    },
    {
      carrier: "3cx",
      name: "3CX call history export (V18+)",
      source: "3CX Management Console, Call History export (column list from issue 17)",
      markers: ["Call Time", "Ringing", "Talking", "Call Activity Details"],
      minMarkers: 3,
      fields: {
        caller: ["From"],
        callee: ["To"],
        start_time: ["Call Time"],
        duration_seconds: ["Talking"],
        direction: ["Direction"],
      },
      zone: null,
    },
  ],
};
