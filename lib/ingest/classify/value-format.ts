import type { MappableField } from "../../schemas/fields";
import type { ColumnMapping } from "../../schemas/mapping";
import type { ColumnProfile } from "./profile-column";
import type { HeaderScore } from "./score-header";

type Format = NonNullable<ColumnMapping["format"]>;

/** Day/month order from values such as 03/24/23 or 24.03.2023; null when nothing decides it. */
export function dateOrder(values: string[]): Format | null {
  let ymd = 0;
  let firstOver12 = 0;
  let secondOver12 = 0;
  let dotted = 0;
  for (const raw of values) {
    const v = raw.trim();
    if (/^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}/.test(v) || /^\d{8}\b/.test(v)) {
      ymd++;
      continue;
    }
    const m = /^(\d{1,2})([-/.])(\d{1,2})[-/.]\d{2,4}/.exec(v);
    if (!m) continue;
    if (Number(m[1]) > 12) firstOver12++;
    if (Number(m[3]) > 12) secondOver12++;
    if (m[2] === ".") dotted++;
  }
  if (ymd > 0 && ymd >= firstOver12 + secondOver12) return "ymd";
  if (firstOver12 > 0 && secondOver12 === 0) return "dmy";
  if (secondOver12 > 0 && firstOver12 === 0) return "mdy";
  // Dotted dates are European; slashes default to the US order carriers here use.
  if (dotted > 0) return "dmy";
  return null;
}

/** A format hint for the mapped field, from the header's unit words and the values' shape. */
export function columnFormat(field: MappableField | null, profile: ColumnProfile, header: HeaderScore | null, values: string[]): Format | null {
  if (field === "duration_seconds") {
    if (profile.clockDuration >= 0.8) return "clock";
    if (header?.durationUnit) return header.durationUnit;
    return profile.decimal > 0.5 ? "minutes" : "seconds";
  }
  if (field === "start_time" || field === "end_time" || field === "start_date") {
    const epoch = values.filter((v) => /^1\d{9}(\d{3})?$/.test(v.trim()));
    if (epoch.length > 0 && epoch.length >= values.filter((v) => v.trim() !== "").length * 0.8) {
      return epoch[0]!.trim().length === 13 ? "epoch_ms" : "epoch_s";
    }
    return dateOrder(values);
  }
  return null;
}
