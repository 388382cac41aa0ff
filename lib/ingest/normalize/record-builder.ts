import type { ColumnMapping, LayoutPlan } from "../../schemas/mapping";
import type { CanonicalRecord, RowError } from "../../schemas/record";
import type { Direction, RecordType } from "../../schemas/fields";
import { IngestError, type SourceRow } from "../types";
import { callTypeInfo } from "./call-type";
import { planColumns } from "./column-plan";
import { compileDateClockParser, compileInstantParser, isoFromMs } from "./datetime";
import { parseDurationSeconds } from "./duration";
import { isSupportedCountry } from "libphonenumber-js/max";
import type { CountryCode } from "./phone";
import { compilePartyReader, NO_PARTY, partyIdentity, WITHHELD_PARTY } from "./party-columns";
import { MAX_DURATION_SECONDS } from "../../schemas/record-fields";
import { quote, rowError } from "./row-error";
import { zoneFromText } from "./zone-from-text";
import { ABBREVIATION_OFFSETS } from "./zone-names";
import { fixedOffsetMinutes, wallToUtcConverter, type WallToUtc } from "./zone-offset";

export type BuildResult = { ok: true; record: CanonicalRecord } | { ok: false; error: RowError };
export type RecordBuilder = (row: SourceRow) => BuildResult;

export interface RecordBuilderOptions {
  columns: ColumnMapping[];
  /** IANA zone (or "±HH:MM", or a phrase zoneFromText understands) of local times; null = UTC. */
  timezone: string | null;
  /** The subscriber the file is about (any phone spelling); a `target` column wins per row. */
  target: string | null;
  /** Rows from the head of the file, used to decide per-column formats (date order). */
  sampleRows?: SourceRow[];
  /** Region national numbers are read in; null or absent = not known (North American numbers are still read as such). */
  region?: CountryCode | null;
}

const MAX_DURATION = MAX_DURATION_SECONDS;

/**
 * Compiles a column mapping once per file into a row → CanonicalRecord function.
 * A call is kept whatever its parties are (issue 17): an extension, a short code, 911, a SIP
 * address, a withheld or an invalid number loads with its kind and raw value (party-columns.ts).
 * A row is rejected when it cannot be a call: its start time is missing or not a real date-time,
 * a party holds a placeholder for "no value" (N/A, UNKNOWN, 12, a stray word in a number column —
 * as the carriers' sample files expect), neither party is given, or the duration is unreadable.
 * An empty caller is a withheld caller; an empty duration with no end time is null (unknown).
 */
export function compileRecordBuilder(opts: RecordBuilderOptions): RecordBuilder {
  const plan = planColumns(opts.columns, opts.sampleRows);
  const ix = plan.index;
  const region = opts.region ?? null;
  const fileToUtc = resolveZone(opts.timezone);
  const readCaller = compilePartyReader(plan.samples("caller"), region);
  const readCallee = compilePartyReader(plan.samples("callee"), region);
  const readOther = compilePartyReader(plan.samples("counterparty"), region);
  const readTarget = compilePartyReader(plan.samples("target"), region);
  const planTarget = opts.target ? (readTarget(opts.target.trim()) ?? NO_PARTY) : NO_PARTY;
  const startParser = compileInstantParser({ samples: plan.samples("start_time"), format: plan.format.start_time });
  const dateClockParser = compileDateClockParser({ samples: plan.samples("start_date"), format: plan.format.start_date });
  const endParser = compileInstantParser({ samples: plan.samples("end_time"), format: plan.format.end_time });
  const durationHint = plan.format.duration_seconds;
  const hasStart = ix.start_time >= 0 || ix.start_date >= 0;
  let lastZoneText = "";
  let lastZone = fileToUtc;

  return (row) => {
    if (row.issue) return rowError(row, null, row.issue.code, row.issue.message);
    const cells = row.cells;

    let toUtc = fileToUtc;
    if (ix.time_zone >= 0) {
      const z = cellAt(cells, ix.time_zone);
      if (z !== lastZoneText) {
        lastZoneText = z;
        lastZone = z ? (rowZoneConverter(z) ?? fileToUtc) : fileToUtc;
      }
      toUtc = lastZone;
    }

    // Start time
    let startMs: number;
    let startText: string;
    if (ix.start_date >= 0) {
      startText = cellAt(cells, ix.start_date);
      const clock = cellAt(cells, ix.start_clock);
      if (!startText) return rowError(row, "start_time", "missing_value", "Start date is missing");
      startMs = dateClockParser(startText, clock, toUtc);
      if (clock) startText = `${startText} ${clock}`;
    } else {
      startText = cellAt(cells, ix.start_time);
      if (!startText) return rowError(row, "start_time", hasStart ? "missing_value" : "invalid_record", "Start time is missing");
      startMs = startParser(startText, toUtc);
    }
    if (Number.isNaN(startMs)) return rowError(row, "start_time", "invalid_date", `Start time ${quote(startText)} is not a valid date and time`);

    // Parties: their own columns, or the other party of a one-subscriber log placed by direction.
    let caller = NO_PARTY;
    let callee = NO_PARTY;
    const callerText = cellAt(cells, ix.caller);
    if (ix.caller >= 0) {
      const read = callerText ? readCaller(callerText) : WITHHELD_PARTY;
      if (read === null) return rowError(row, "caller", "invalid_phone", `Caller ${quote(callerText)} is not a phone number`);
      caller = read;
    }
    const calleeText = cellAt(cells, ix.callee);
    if (calleeText) {
      const read = readCallee(calleeText);
      if (read === null) return rowError(row, "callee", "invalid_phone", `Callee ${quote(calleeText)} is not a phone number`);
      callee = read;
    }
    const otherText = ix.counterparty >= 0 ? cellAt(cells, ix.counterparty) : "";
    let other = NO_PARTY;
    if (otherText) {
      const read = readOther(otherText);
      if (read === null) return rowError(row, "counterparty", "invalid_phone", `Other party ${quote(otherText)} is not a phone number`);
      other = read;
    }
    if (callerText === "" && calleeText === "" && otherText === "") return rowError(row, "caller", "missing_value", "Neither caller nor callee is given");

    // End time
    let endMs = Number.NaN;
    const endText = cellAt(cells, ix.end_time);
    if (endText) {
      endMs = endParser(endText, toUtc);
      if (Number.isNaN(endMs)) return rowError(row, "end_time", "invalid_date", `End time ${quote(endText)} is not a valid date and time`);
    }

    // Type and direction: own column, else the carrier code, else voice / relative to the target.
    const codeText = cellAt(cells, ix.call_type);
    const code = codeText ? callTypeInfo(codeText) : NO_INFO;
    const typeText = cellAt(cells, ix.record_type);
    const record_type: RecordType = (typeText ? callTypeInfo(typeText).record_type : undefined) ?? code.record_type ?? "voice";
    const targetText = ix.target >= 0 ? cellAt(cells, ix.target) : "";
    const rowTarget = (targetText ? readTarget(targetText) : null) ?? planTarget;
    const dirText = cellAt(cells, ix.direction);
    let direction: Direction | null = (dirText ? callTypeInfo(dirText).direction : undefined) ?? code.direction ?? null;
    if (other !== NO_PARTY) {
      // The other party of the subscriber's log: it called in, or was called (unknown direction: as if called).
      if (direction === "incoming") [caller, callee] = [other, rowTarget];
      else [caller, callee] = [rowTarget, other];
    }
    const targetId = partyIdentity(rowTarget);
    if (direction === null && targetId !== null) {
      if (partyIdentity(caller) === targetId) direction = "outgoing";
      else if (partyIdentity(callee) === targetId) direction = "incoming";
    }

    // Duration: own column, else end − start, else unknown (null); messages have 0.
    let duration: number | null = null;
    const durText = cellAt(cells, ix.duration_seconds);
    if (durText) {
      duration = parseDurationSeconds(durText, durationHint);
      if (Number.isNaN(duration) || duration > MAX_DURATION) return rowError(row, "duration_seconds", "invalid_duration", `Duration ${quote(durText)} is not a duration`);
    } else if (!Number.isNaN(endMs)) {
      duration = Math.round((endMs - startMs) / 1000);
      if (duration < 0 || duration > MAX_DURATION) return rowError(row, "end_time", "invalid_record", `End time ${quote(endText)} is before the start or too far after it`);
    }
    if (record_type === "sms" || record_type === "mms") duration = 0;

    const record: CanonicalRecord = {
      start_time: isoFromMs(startMs),
      end_time: Number.isNaN(endMs) ? null : isoFromMs(endMs),
      duration_seconds: duration,
      caller: caller.e164,
      callee: callee.e164,
      direction,
      record_type,
      target: rowTarget.e164,
      dialed_digits: optional(cellAt(cells, ix.dialed_digits), 64),
      imei: optional(cellAt(cells, ix.imei), 32),
      imsi: optional(cellAt(cells, ix.imsi), 32),
      cell_first: optional(cellAt(cells, ix.cell_first), 64),
      cell_last: optional(cellAt(cells, ix.cell_last), 64),
      caller_kind: caller.kind,
      caller_raw: caller.raw,
      callee_kind: callee.kind,
      callee_raw: callee.raw,
      target_kind: rowTarget.kind,
      target_raw: rowTarget.raw,
      repaired: caller.repaired || callee.repaired || rowTarget.repaired,
    };
    return { ok: true, record };
  };
}

/** The builder of a layout plan: its columns, zone, target and region. */
export function recordBuilderFor(plan: LayoutPlan, sampleRows: SourceRow[]): RecordBuilder {
  return compileRecordBuilder({
    columns: plan.columns,
    timezone: plan.timezone,
    target: plan.target,
    // A region libphonenumber does not know (a typo saved in a case) reads as unknown, not as an error.
    region: plan.region && isSupportedCountry(plan.region) ? plan.region : null,
    sampleRows,
  });
}

/** A trimmed cell, "" when the column is unmapped or the row is short. */
function cellAt(cells: string[], i: number): string {
  if (i < 0) return "";
  const v = cells[i];
  return v === undefined ? "" : v.trim();
}

const NO_INFO = Object.freeze({}) as { direction?: Direction; record_type?: RecordType };

function optional(value: string, max: number): string | null {
  return value === "" ? null : value.length > max ? value.slice(0, max) : value;
}

/** The file's zone: an IANA name or offset, or a phrase ("Central Time"); null means UTC. */
function resolveZone(zone: string | null): WallToUtc {
  if (zone === null || zone.trim() === "") return (wall) => wall;
  const conv = zoneConverterFor(zone);
  if (!conv) throw new IngestError("unknown_timezone", `Time zone ${quote(zone)} is not a known time zone`);
  return conv;
}

/** Plan zones: IANA names and offsets as they are; words and abbreviations via zoneFromText (EST → New York). */
function zoneConverterFor(text: string): WallToUtc | null {
  const t = text.trim();
  if (t.includes("/") || /^(utc|gmt|z)$/i.test(t) || fixedOffsetMinutes(t) !== null) {
    const direct = wallToUtcConverter(t);
    if (direct) return direct;
  }
  const named = zoneFromText(t);
  return named ? wallToUtcConverter(named) : null;
}

/** A zone column's value: an abbreviation there says which side of DST the row is on (EDT = −4). */
function rowZoneConverter(text: string): WallToUtc | null {
  const offset = ABBREVIATION_OFFSETS.get(text.toUpperCase());
  if (offset !== undefined) return wallToUtcConverter(offsetText(offset));
  return zoneConverterFor(text);
}

function offsetText(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? "-" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}
