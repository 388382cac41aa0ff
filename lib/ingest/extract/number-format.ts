/**
 * What an Excel number format says a number is: a date, a date-time, a time of day, an elapsed
 * duration, or just a number. Only the first section (positive numbers) matters, and quoted
 * literals, escapes, padding, colours, conditions and locale tags must be removed before
 * looking for date letters, or `"Mon" 0` or `[Red]0` would look like dates.
 */

export type NumberKind = "number" | "date" | "datetime" | "time" | "duration" | "text";

const cache = new Map<string, NumberKind>();

function strip(fmt: string): { body: string; elapsed: boolean } {
  const section = firstSection(fmt);
  const elapsed = /\[(h+|m+|s+)\]/i.test(section);
  const body = section
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/[_*]./g, "")
    .replace(/\[[^\]]*\]/g, "");
  return { body, elapsed };
}

/** The format up to the first unquoted `;`. */
function firstSection(fmt: string): string {
  let quoted = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === "\\") i++;
    else if (ch === ";" && !quoted) return fmt.slice(0, i);
  }
  return fmt;
}

function classify(fmt: string): NumberKind {
  if (fmt === "" || /^general$/i.test(fmt)) return "number";
  if (fmt === "@") return "text";
  const { body, elapsed } = strip(fmt);
  if (elapsed) return "duration";
  const lower = body.toLowerCase().replace(/general/g, "");
  // "m" is a month unless it sits between hours and seconds (h:mm, mm:ss).
  const hasDate = /[yd]/.test(lower) || /(?<![h:m])m+(?![m:])/.test(lower.replace(/am\/pm|a\/p/g, ""));
  const hasTime = /[hs]/.test(lower) || /am\/pm|a\/p/.test(lower);
  if (hasDate && hasTime) return "datetime";
  if (hasTime) return "time";
  if (hasDate) return "date";
  return "number";
}

export function numberKind(fmt: string | undefined | null): NumberKind {
  if (!fmt) return "number";
  let kind = cache.get(fmt);
  if (kind === undefined) {
    kind = classify(fmt);
    if (cache.size < 10_000) cache.set(fmt, kind);
  }
  return kind;
}
