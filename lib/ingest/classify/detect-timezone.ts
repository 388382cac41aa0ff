import type { Carrier } from "../../schemas/fields";
import type { ColumnMapping } from "../../schemas/mapping";
import { zoneFromText } from "../normalize/zone-from-text";
import type { ColumnAnalysis } from "./map-columns";

export interface ZoneDecision {
  /** IANA zone the local times are in; null when the values carry offsets, or when unknown. */
  timezone: string | null;
  source: string | null;
  /** True when nothing says which zone the times are in and they carry no offsets. */
  unknown: boolean;
}

/** Documented defaults: AT&T, T-Mobile and Verizon deliver UTC. Sprint's keys do not say. */
const CARRIER_DEFAULT_ZONE: Partial<Record<Carrier, string>> = { att: "UTC", tmobile: "UTC", verizon: "UTC" };

const TIME_FIELDS = new Set(["start_time", "start_clock", "start_date", "end_time"]);
const ZONE_LINE = /time|zone|\btz\b|hora|heure|zeit|uhr|fuseau|horario|huso|orario|fuso|\butc\b|\bgmt\b/i;

/** A zone named in a time column's header: "Date (UTC)", "Time GMT", "Start Time (ET)". */
function zoneFromHeader(header: string): string | null {
  const inside = [...header.matchAll(/[([{]([^)\]}]*)[)\]}]/g)].map((m) => m[1] ?? "").join(" ");
  if (inside.trim()) return zoneFromText(inside.trim());
  // Outside brackets only unmistakable abbreviations: two-letter ones ("ET", "CT") are column names too.
  const token = header.split(/[^A-Za-z]+/).find((t) => /^(UTC|GMT|Z|[ECMP][SD]T|MEZ|MESZ|CET|CEST)$/.test(t));
  return token ? zoneFromText(token) : null;
}

export function detectTimezone(preamble: string[], columns: ColumnMapping[], analysis: ColumnAnalysis, carrier: Carrier, templateZone: string | null = null): ZoneDecision {
  const timeCols = columns.filter((c) => c.field !== null && TIME_FIELDS.has(c.field));
  const startCol = timeCols.find((c) => c.field === "start_time");
  if (startCol) {
    const p = analysis.profiles[startCol.index]!;
    if (p.offset >= 0.9) return { timezone: null, source: "offsets in values", unknown: false };
    if (startCol.format === "epoch_s" || startCol.format === "epoch_ms") return { timezone: "UTC", source: "epoch values", unknown: false };
  }
  if (columns.some((c) => c.field === "time_zone")) return { timezone: null, source: "zone column", unknown: false };
  if (templateZone) return { timezone: templateZone, source: "template", unknown: false };
  for (const c of timeCols) {
    const zone = zoneFromHeader(c.header);
    if (zone) return { timezone: zone, source: `header "${c.header}"`, unknown: false };
  }
  const zoneLines = preamble.filter((l) => ZONE_LINE.test(l));
  const stated = zoneLines.length ? zoneFromText(zoneLines.join("\n")) : null;
  if (stated) return { timezone: stated, source: "preamble", unknown: false };
  const fallback = CARRIER_DEFAULT_ZONE[carrier];
  if (fallback) return { timezone: fallback, source: `${carrier} default`, unknown: false };
  return { timezone: null, source: null, unknown: true };
}
