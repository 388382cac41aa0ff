import type { ColumnMapping } from "../../../schemas/mapping";
import { normalizeName } from "./names";
import type { LayoutZone } from "./types";

interface ZoneSource {
  name: string;
  zone: string | null;
  utc?: readonly string[];
}

const EPOCH = /^1\d{9}(?:\d{3}|\d{6})?$/;
/** A time ending in its own zone: `…Z`, `…+00:00`, `…-0700` (RFC 2822), `… GMT`. */
const OWN_OFFSET = /\d\s*(?:Z|[+-]\d{2}:?\d{2}|GMT|UTC)$/i;

function share(values: readonly string[], re: RegExp): number {
  const filled = values.map((v) => v.trim()).filter((v) => v !== "");
  return filled.length === 0 ? 0 : filled.filter((v) => re.test(v)).length / filled.length;
}

/**
 * The zone of a layout's times: epoch values are UTC, values with an offset carry their own zone,
 * else what the vendor documents (Twilio: GMT; Amazon Connect: UTC); null for local-time layouts
 * (Asterisk, FreeSWITCH `start_stamp`, 3CX), whose zone a person has to name.
 */
export function layoutZone(layout: ZoneSource, start: ColumnMapping | undefined, values: readonly string[]): LayoutZone | null {
  if (!start) return null;
  if (start.format === "epoch_s" || start.format === "epoch_ms" || share(values, EPOCH) >= 0.9) return { timezone: "UTC", source: "epoch values" };
  if (share(values, OWN_OFFSET) >= 0.9) return { timezone: null, source: "offsets in values" };
  const name = normalizeName(start.header);
  if (name && layout.utc?.some((u) => normalizeName(u) === name)) return { timezone: "UTC", source: `"${start.header}" is UTC (${layout.name})` };
  if (layout.zone) return { timezone: layout.zone, source: `${layout.name} documentation` };
  return null;
}
