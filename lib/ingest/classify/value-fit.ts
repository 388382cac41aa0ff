import type { MappableField } from "../../schemas/fields";
import type { ColumnProfile } from "./profile-column";

/**
 * How well a column's values suit a field, in [0,1], from the values alone. Party fields take
 * phone numbers of any numbering plan (`partyNumber`); opaque ids count only where a header
 * names a party ({@link partyIdFit}).
 */
/**
 * Phone numbers; digit strings of phone length that are no valid number (test numbers such as
 * `1234567890`, which also look like epochs) a little less, unless the column reads as times; and
 * — in a column that mostly holds numbers — extensions, 911, SIP addresses and withheld callers.
 */
function partyFit(p: ColumnProfile): number {
  const numbers = Math.max(p.partyNumber, p.dateTime >= 0.5 ? 0 : 0.7 * p.digitString);
  return numbers >= 0.3 ? Math.min(1, numbers + p.spelledParty) : numbers;
}

export function valueFit(field: MappableField, p: ColumnProfile): number {
  if (p.filled === 0) return 0;
  const sparse = p.emptyShare > 0.5 ? 0.75 : 1;
  switch (field) {
    case "caller":
    case "callee":
      return partyFit(p) * sparse * (p.constant ? 0.8 : 1);
    case "counterparty":
      // The other party of a one-subscriber log changes from row to row.
      return partyFit(p) * sparse * (p.constant ? 0.5 : 1);
    case "target":
      return p.partyNumber * (p.topShare >= 0.9 ? 1 : 0.5);
    case "dialed_digits":
      return Math.max(p.partyNumber, p.integer * 0.5);
    case "start_time":
      return Math.max(p.dateTime, p.date * 0.3);
    case "end_time":
      return p.dateTime;
    case "start_date":
      return p.date;
    case "start_clock":
      return p.clock;
    case "duration_seconds":
      return durationFit(p);
    case "direction":
      return Math.max(p.directionWord, p.callTypeCode * 0.9);
    case "record_type":
      return Math.max(p.recordTypeWord, p.callTypeCode * 0.6);
    case "call_type":
      return Math.max(p.callTypeCode, p.directionWord * 0.8, p.recordTypeWord * 0.6);
    case "imei":
      // Not every IMEI in the wild passes Luhn; 15 digits that are not a North American IMSI will do.
      return Math.max(p.imei, p.usImsi < 0.5 ? p.fifteenDigits * 0.8 : 0);
    case "imsi":
      return Math.max(p.usImsi, p.imsi * 0.7);
    case "cell_first":
    case "cell_last":
      return Math.max(p.cellId, p.integer * 0.5 * (smallCodes(p) ? 0.3 : 1));
    case "item":
      return p.sequential ? 1 : p.integer * 0.4;
    case "time_zone":
      return p.zoneName;
  }
}

const DAY_MS = 86_400_000;

/**
 * Two to four small positive integers repeating over many rows (`1`/`2`, `11`/`21`/`22`): a code
 * (direction, service), not a length of time (lengths vary, and unanswered calls last 0) nor a
 * cell id (a phone moves between many cells).
 */
export function smallCodes(p: ColumnProfile): boolean {
  return p.integer >= 0.95 && p.distinct >= 2 && p.distinct <= 4 && p.filled >= 3 * p.distinct && p.intMax < 100 && p.intZeroShare === 0;
}

function durationFit(p: ColumnProfile): number {
  // Clock-shaped lengths: seizure times (a few seconds) are clock-shaped too but short.
  const clockShaped = p.clockDuration * (p.clockMax >= 60 ? 1 : 0.7) * (p.clock > 0.9 ? 0.85 : 1);
  // A typical call lasts minutes: a column whose middle value is over a day even in milliseconds holds numbers or ids, not lengths.
  const ints = p.integer * (p.intMax >= 120 ? 1 : 0.6) * (p.intZeroShare > 0 ? 1 : 0.85) * (p.sequential ? 0.3 : 1) * (p.intMedian > DAY_MS ? 0.1 : 1) * (smallCodes(p) ? 0.3 : 1);
  return Math.max(clockShaped, ints, p.decimal * 0.8);
}

/** Party fields a header may name over values that are ids, not numbers (`correspondent_id`: `A`, `E`). */
export function partyIdFit(field: MappableField, p: ColumnProfile): number {
  if (p.filled === 0) return 0;
  const sparse = p.emptyShare > 0.5 ? 0.75 : 1;
  switch (field) {
    case "caller":
    case "callee":
      return p.partyId * 0.8 * sparse * (p.constant ? 0.8 : 1);
    case "counterparty":
      return p.partyId * 0.8 * sparse * (p.constant ? 0.5 : 1);
    case "target":
      return p.partyId * 0.8 * (p.topShare >= 0.9 ? 1 : 0.5);
    default:
      return 0;
  }
}
