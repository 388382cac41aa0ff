import type { MappableField } from "../../schemas/fields";
import type { ColumnMapping } from "../../schemas/mapping";
import type { TableSample } from "../types";
import type { BuiltinLayout } from "./builtin-layouts";
import type { ColumnAnalysis } from "./map-columns";
import type { ColumnProfile } from "./profile-column";
import { columnFormat } from "./value-format";
import { isPhone } from "./value-kinds";

/**
 * Headerless files of the four carriers (issue 17, item 6), recognized from their column
 * signature: the carrier's documented column order (the same order its header names, see
 * HEADER_MARKERS in classify-carrier.ts) read as an order of value kinds. A file matches when it
 * has that many columns (one trailing empty column from a trailing delimiter is tolerated) and
 * nearly every column's values have the kind its place calls for; its columns are then mapped as
 * the carrier's header would map them. The kinds are the shapes, not the sample values: any
 * date/clock format, any NANP or international number, any 15-digit IMEI, any US-MCC IMSI.
 * Such a file still goes to review (it is headerless), now with the carrier and its layout.
 */

/** What one column of a carrier layout holds. */
type Kind =
  | "item" // 1, 2, 3…: the row number
  | "date" // a date without time (09/02/23, 2023-09-02)
  | "clock" // a time of day (01:25:10, 12:13:36 AM)
  | "datetime" // date and time in one cell (10/22/2023 21:16:20, 2023-11-19 08:54:07)
  | "clockDuration" // a length as M:SS / H:MM:SS (AT&T "Seizure Time", "ET")
  | "seconds" // a length in whole seconds (M:SS accepted, slightly less sure)
  | "phone" // NANP (10/11 digits), +E.164, 011/00 international
  | "imei" // 15 digits (the Luhn check is not required: carriers print what the handset reported)
  | "imsi" // 15 digits starting with a North-American MCC (310–316, 302, 334)
  | "cell" // a cell id as carriers print it: 12345-2, 310-260-1234-56789, or a bare number
  | "int" // an integer (switch ids, repoll counts, sectors)
  | "switch" // a network element / switch name: NYCMSC01, MSS-DAL-3
  | "direction" // MO / MT
  | "service" // Voice / SMS / Data…
  | "attCode" // AT&T "CT": MO, MT, SMSMO, SMSMT, CF… (any carrier call-type code fits, less surely)
  | "attFeature" // AT&T "Feature": bracketed lists such as [CFU], [VM], []
  | "tmoCode" // T-Mobile "Call Type": mSOriginating, mSTerminatingSMSinMSC, callForwarding, moc, mtc, SMSc, RCS-IMChat
  | "sprintCode"; // Sprint "CALL_TYPE" / "M_R #" (mobile role): MO, MT, SMS-MO, SMS-MT…, or its one-digit role code

interface Slot {
  kind: Kind;
  field: MappableField | null;
  /** The column may be blank on every row (dialed digits on an incoming-only file, an empty feature list). */
  optional?: boolean;
}

interface Signature {
  carrier: BuiltinLayout["carrier"];
  slots: Slot[];
  /** Kinds only this carrier prints where it prints them; one must be seen for the signature to count. */
  markers: Kind[];
}

const s = (kind: Kind, field: MappableField | null, optional = false): Slot => ({ kind, field, optional });

/**
 * The four carrier layouts, in their documented column order.
 * - AT&T (12): Item, Conn. Date, Conn. Time, Seizure Time, ET (elapsed, M:SS), Originating Number,
 *   Terminating Number, IMEI, IMSI, CT, Feature, Cell Location.
 * - Verizon (11): Network Element Name, Mobile Directory Number, Call Direction, Originating Number,
 *   Terminating Number, Dialed Digit Number, Seizure Dt Tm, Call Duration (sec), Service Type,
 *   Cell Site, Sector.
 * - T-Mobile (11): Date, Time, Calling Number, Called Number, Dialed Number, Duration (sec), Call Type,
 *   1st Cell ID, Last Cell ID, IMEI, IMSI.
 * - Sprint (11): CALLING_NBR, CALLED_NBR, DIALED_DIGITS, START_DATE, END_DATE (both date-times),
 *   DURATION_SEC, CALL_TYPE, NEID, REPOLL, FIRST_CELL, LAST_CELL.
 */
const SIGNATURES: Signature[] = [
  {
    carrier: "att",
    slots: [
      s("item", "item"),
      s("date", "start_date"),
      s("clock", "start_clock"),
      s("clockDuration", null),
      s("clockDuration", "duration_seconds"),
      s("phone", "caller"),
      s("phone", "callee"),
      s("imei", "imei", true),
      s("imsi", "imsi", true),
      s("attCode", "call_type"),
      s("attFeature", null, true),
      s("cell", "cell_first", true),
    ],
    markers: ["attFeature", "attCode"],
  },
  {
    carrier: "verizon",
    slots: [
      s("switch", null),
      s("phone", "target"),
      s("direction", "direction"),
      s("phone", "caller"),
      s("phone", "callee"),
      s("phone", "dialed_digits", true),
      s("datetime", "start_time"),
      s("seconds", "duration_seconds"),
      s("service", "record_type"),
      s("cell", "cell_first", true),
      s("int", null, true),
    ],
    markers: ["switch"],
  },
  {
    carrier: "tmobile",
    slots: [
      s("date", "start_date"),
      s("clock", "start_clock"),
      s("phone", "caller"),
      s("phone", "callee"),
      s("phone", "dialed_digits", true),
      s("seconds", "duration_seconds"),
      s("tmoCode", "call_type"),
      s("cell", "cell_first", true),
      s("cell", "cell_last", true),
      s("imei", "imei", true),
      s("imsi", "imsi", true),
    ],
    markers: ["tmoCode"],
  },
  {
    carrier: "sprint",
    slots: [
      s("phone", "caller"),
      s("phone", "callee"),
      s("phone", "dialed_digits", true),
      s("datetime", "start_time"),
      s("datetime", "end_time"),
      s("seconds", "duration_seconds"),
      s("sprintCode", "call_type"),
      s("int", null, true),
      s("int", null, true),
      s("cell", "cell_first", true),
      s("cell", "cell_last", true),
    ],
    // MO/MT alone are every carrier's codes: the two date-times, the code and NEID/REPOLL integers together are Sprint's.
    markers: ["sprintCode"],
  },
];

/** Kinds whose column must really be there (not blank) and right: the call itself. */
const CORE_KINDS = new Set<MappableField | null>(["caller", "callee", "start_time", "start_date", "start_clock", "duration_seconds"]);
/** Mean slot fit a file needs, and the fit each core column needs. */
const MIN_SIGNATURE = 0.85;
const MIN_CORE = 0.8;

const ATT_CODES = /^(MO|MT|SMSMO|SMSMT|MMSMO|MMSMT|CF|CFU|CFB|CFNR|CFNRC|FWD|DATA|GPRS|VMO|VMT|IN|OUT)$/i;
const ATT_FEATURE = /^\[[A-Z0-9, _-]*\]$/i;
const TMO_CODE = /^(mS(Originating|Terminating)\w*|callForwarding|moc|mtc|SMSc|RCS-IMChat)$/;
const SPRINT_CODE = /^(MO|MT|SMS-MO|SMS-MT|MMS-MO|MMS-MT|CF|FWD|DATA|VOICE-MO|VOICE-MT|MO-SMS|MT-SMS)$/i;
const ANNOTATED_PHONE = /^(\+?\d{10,15})\s*\([A-Z]\)$/;
const GENERIC_SWITCH = /^[A-Z][A-Z0-9_-]{2,15}$/;

function shareWhere(values: string[], test: (v: string) => boolean): number {
  const filled = values.map((v) => v.trim()).filter((v) => v !== "");
  return filled.length === 0 ? 0 : filled.filter(test).length / filled.length;
}
const shareOf = (values: string[], re: RegExp) => shareWhere(values, (v) => re.test(v));

/** How well one column's values fit a kind, in [0,1] (shares over its non-empty values). */
function fit(kind: Kind, p: ColumnProfile, values: string[]): number {
  switch (kind) {
    case "item":
      return p.sequential ? 1 : p.integer * 0.8;
    case "date":
      return p.date;
    case "clock":
      return p.clock;
    case "datetime":
      return p.dateTime;
    case "clockDuration":
      // Some exports print the elapsed time in seconds: accepted, slightly less sure.
      return Math.max(p.clockDuration, p.integer * 0.9);
    case "seconds":
      return Math.max(p.integer, p.decimal * 0.9, p.clockDuration * 0.9);
    case "phone":
      // AT&T annotates a number on a continuation line: "2125551234 (D)" (the dialed number).
      return p.phone >= 0.99 ? p.phone : shareWhere(values, (v) => isPhone(v) || ANNOTATED_PHONE.test(v));
    case "imei":
      return p.fifteenDigits;
    case "imsi":
      return p.usImsi;
    case "cell":
      return Math.max(p.cellId, p.integer * 0.8);
    case "int":
      return p.integer;
    case "switch":
      return Math.max(p.switchName, shareOf(values, GENERIC_SWITCH) * 0.8);
    case "direction":
      return p.directionWord;
    case "service":
      return p.recordTypeWord;
    case "attCode":
      return Math.max(shareOf(values, ATT_CODES), p.callTypeCode * 0.9);
    case "attFeature":
      return shareOf(values, ATT_FEATURE);
    case "tmoCode":
      return shareOf(values, TMO_CODE);
    case "sprintCode":
      return Math.max(shareOf(values, SPRINT_CODE), p.callTypeCode * 0.9, shareOf(values, /^\d$/) * 0.8);
  }
}

interface Match {
  carrier: BuiltinLayout["carrier"];
  score: number;
  slots: Slot[];
}

function matchSignature(sig: Signature, a: ColumnAnalysis): Match | null {
  let n = a.values.length;
  // A trailing delimiter adds one column that is blank on every row.
  if (n === sig.slots.length + 1 && a.profiles[n - 1]!.filled === 0) n--;
  if (n !== sig.slots.length) return null;
  let total = 0;
  let marker = 0;
  for (let i = 0; i < n; i++) {
    const slot = sig.slots[i]!;
    const p = a.profiles[i]!;
    const f = p.filled === 0 ? (slot.optional ? 1 : 0) : fit(slot.kind, p, a.values[i]!);
    if (CORE_KINDS.has(slot.field) && f < MIN_CORE) return null;
    if (sig.markers.includes(slot.kind) && p.filled > 0) marker = Math.max(marker, f);
    total += f;
  }
  const score = total / n;
  if (marker < 0.5 || score < MIN_SIGNATURE) return null;
  return { carrier: sig.carrier, score, slots: sig.slots };
}

/** The carrier whose headerless layout the file has, with the columns its header would give, or null. */
export function carrierSignature(sample: TableSample, a: ColumnAnalysis): BuiltinLayout | null {
  if (!a.headerless) return null;
  const matches = SIGNATURES.map((sig) => matchSignature(sig, a)).filter((m): m is Match => m !== null);
  if (matches.length === 0) return null;
  matches.sort((x, y) => y.score - x.score);
  const best = matches[0]!;
  // Two layouts fitting equally well is no recognition.
  if (matches.length > 1 && best.score - matches[1]!.score < 0.05) return null;
  const confidence = Math.round((0.5 + 0.5 * best.score) * 1000) / 1000;
  const columns: ColumnMapping[] = a.values.map((values, i) => {
    const field = best.slots[i]?.field ?? null;
    return { index: i, header: "", field, confidence, format: columnFormat(field, a.profiles[i]!, null, values) };
  });
  return { carrier: best.carrier, confidence: best.score, columns };
}
