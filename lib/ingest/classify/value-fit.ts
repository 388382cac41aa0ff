import type { MappableField } from "../../schemas/fields";
import type { ColumnProfile } from "./profile-column";

/**
 * How well a column's values suit a field, in [0,1], from the values alone.
 */
export function valueFit(field: MappableField, p: ColumnProfile): number {
  if (p.filled === 0) return 0;
  const sparse = p.emptyShare > 0.5 ? 0.75 : 1;
  switch (field) {
    case "caller":
    case "callee":
      return p.phone * sparse * (p.constant ? 0.8 : 1);
    case "counterparty":
      return 0; // never chosen from values alone
    case "target":
      return p.phone * (p.topShare >= 0.9 ? 1 : 0.5);
    case "dialed_digits":
      return Math.max(p.phone, p.integer * 0.5);
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
      return Math.max(p.cellId, p.integer * 0.5);
    case "cell_last":
      return Math.max(p.cellId, p.integer * 0.5);
    case "item":
      return p.sequential ? 1 : p.integer * 0.4;
    case "time_zone":
      return p.zoneName;
  }
}

function durationFit(p: ColumnProfile): number {
  // Clock-shaped lengths: seizure times (a few seconds) are clock-shaped too but short.
  const clockShaped = p.clockDuration * (p.clockMax >= 60 ? 1 : 0.7) * (p.clock > 0.9 ? 0.85 : 1);
  const ints = p.integer * (p.intMax >= 120 ? 1 : 0.6) * (p.intZeroShare > 0 ? 1 : 0.85) * (p.sequential ? 0.3 : 1);
  return Math.max(clockShaped, ints, p.decimal * 0.8);
}
