import type { TableSample } from "../types";

/**
 * Line-per-event logs (a PBX or router call monitor: `RING`, `CALL`, `CONNECT`, `DISCONNECT`, one
 * line per step of a call) are not call-detail records: loading each line as a call would count
 * every call three or four times with made-up durations. This finds the column that says which
 * event a line is, so the file can be stopped with an explanation instead.
 */
// Not DIAL or HANGUP: an Asterisk Master.csv names the last dial-plan application of each call
// (Dial, Hangup, Queue…), one line per call — a CDR (the real-world set has one).
const EVENT_WORDS = new Set(["RING", "RINGING", "CALL", "CONNECT", "CONNECTED", "DISCONNECT", "DISCONNECTED", "ALERTING", "SETUP", "RELEASE"]);
/** Words that only an event log has: a CDR's type column may say CALL, never RING or DISCONNECT. */
const STEP_WORDS = new Set(["RING", "RINGING", "CONNECT", "CONNECTED", "DISCONNECT", "DISCONNECTED", "ALERTING", "SETUP", "RELEASE"]);
/** Share of a column's non-empty sample values that must be event words. */
const MIN_SHARE = 0.8;

export interface EventLogColumn {
  index: number;
  events: string[];
}

/** The column holding call events, when the sample is an event log; null for a CDR. */
export function findEventLogColumn(sample: TableSample): EventLogColumn | null {
  const width = Math.max(0, ...sample.sampleRows.map((r) => r.cells.length));
  for (let index = 0; index < width; index++) {
    const values = sample.sampleRows.map((r) => (r.cells[index] ?? "").trim().toUpperCase()).filter((v) => v !== "");
    if (values.length < 3) continue;
    const events = values.filter((v) => EVENT_WORDS.has(v));
    if (events.length < values.length * MIN_SHARE) continue;
    const distinct = new Set(events);
    // At least two kinds of step, one of which no CDR column would hold.
    if (distinct.size >= 2 && [...distinct].some((e) => STEP_WORDS.has(e))) return { index, events: [...distinct].sort() };
  }
  return null;
}

/** The sentence a person reads when such a file is stopped. */
export function eventLogMessage(found: EventLogColumn): string {
  return `This file is a call event log, not a call-detail record: column ${found.index + 1} names one step of a call per line (${found.events.join(", ")}), so each call is spread over several lines. It was not loaded, because every line would count as a call. Export the call list or CDR (one line per call, with its start and duration) from the phone system instead.`;
}
