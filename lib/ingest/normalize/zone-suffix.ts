import { ABBREVIATION_OFFSETS } from "./zone-names";

/**
 * Offset (minutes east of UTC) of a zone written inside a timestamp: "Z", "+05:00", "-0500",
 * "-05", "+3.5", "UTC", "GMT+09:00", "(UTC)", "EDT". Returns undefined when the text is not a
 * zone this reader knows, so the caller can refuse the value rather than guess.
 */
export function zoneSuffixOffset(raw: string): number | null | undefined {
  let text = raw.trim();
  if (text.startsWith("(") && text.endsWith(")")) text = text.slice(1, -1).trim();
  if (!text) return null;
  const upper = text.toUpperCase();
  const named = ABBREVIATION_OFFSETS.get(upper);
  if (named !== undefined) return named;
  const m = /^(?:UTC|GMT|UT)?\s*([+\-\u2212])(\d{1,2})(?:(?::?(\d{2}))|[.,](\d+))?$/.exec(upper);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = m[3] ? Number(m[3]) : m[4] ? Math.round(Number(`0.${m[4]}`) * 60) : 0;
  if (hours > 14 || minutes > 59) return undefined;
  const total = hours * 60 + minutes;
  return m[1] === "+" ? total : -total;
}
