import type { LayoutFamily } from "./types";

/**
 * Asterisk CDRs (https://docs.asterisk.org/Configuration/Reporting/Call-Detail-Records-CDR/ —
 * "CDR Variables" and cdr_csv). `Master.csv` (cdr_csv) has no header and a fixed column order:
 * accountcode, src, dst, dcontext, clid, channel, dstchannel, lastapp, lastdata, start, answer,
 * end, duration, billsec, disposition, amaflags[, uniqueid[, userfield]]. cdr_custom /
 * cdr_adaptive_odbc exports name the same variables in a header, in any order.
 * The canonical duration is `billsec` (answer → hangup: the talk time, 0 for an unanswered call, as
 * carriers report it); `duration` (start → hangup, ringing included) is only the fallback. Times
 * are the server's local time with no zone, so such files still go to review for the zone.
 */
const MASTER_CSV = [
  "accountcode",
  "src",
  "dst",
  "dcontext",
  "clid",
  "channel",
  "dstchannel",
  "lastapp",
  "lastdata",
  "start",
  "answer",
  "end",
  "duration",
  "billsec",
  "disposition",
  "amaflags",
  "uniqueid",
  "userfield",
] as const;

const SOURCE = "https://docs.asterisk.org/Configuration/Reporting/Call-Detail-Records-CDR/CDR-Variables/";

export const ASTERISK: LayoutFamily = {
  positional: [
    {
      carrier: "asterisk",
      name: "Asterisk Master.csv (cdr_csv)",
      source: SOURCE,
      columns: MASTER_CSV,
      width: [16, 18],
      fields: { caller: ["src"], callee: ["dst"], start_time: ["start"], end_time: ["end"], duration_seconds: ["billsec"] },
      checks: [
        { name: "disposition", at: ["disposition"], kind: "disposition", weight: 2 },
        { name: "lastApp", at: ["lastapp"], kind: "lastApp", weight: 1 },
        { name: "channel", at: ["channel"], kind: "channel", weight: 1 },
        { name: "times", at: ["start", "end"], kind: "dateTime", weight: 1 },
        { name: "lengths", at: ["duration", "billsec"], kind: "integer", weight: 1 },
      ],
      gates: [
        ["disposition", "times"],
        ["lastApp", "channel", "times"],
      ],
      zone: null,
    },
  ],
  header: [
    {
      carrier: "asterisk",
      name: "Asterisk CDR with a header (cdr_custom, cdr_adaptive_odbc)",
      source: SOURCE,
      markers: ["dcontext", "dstchannel", "lastapp", "lastdata", "amaflags", "billsec", "disposition", "uniqueid", "userfield", "accountcode", "clid", "linkedid", "peeraccount"],
      minMarkers: 4,
      requires: ["caller", "callee"],
      fields: { caller: ["src"], callee: ["dst"], start_time: ["start", "calldate"], end_time: ["end"], duration_seconds: ["billsec", "duration"] },
      zone: null,
    },
  ],
};
