/** How a duration column counts when its values are plain numbers (ColumnMapping.format). */
export type DurationHint = "seconds" | "minutes" | "milliseconds" | "clock" | string | null | undefined;

/**
 * A duration text → whole seconds (half up), or NaN when it is not a duration.
 * - clocks: two parts are M:SS / MM:SS (AT&T "ET" 36:54 = 36 min 54 s), three are H:MM:SS; a
 *   fraction of a second is allowed on the last part;
 * - plain numbers: seconds, or minutes / milliseconds when the column says so; with the "clock"
 *   hint a number below 1 is an Excel day fraction;
 * - unit words: "1h 2m 3s", "2 min 30 sec", "1 Std 5 Min", "45 seg";
 * - ISO 8601 durations: "PT1M30S", "PT13.67S", "P1DT2H" (Bandwidth's call resources).
 * Callers decide what an empty cell means; it is NaN here.
 */
export function parseDurationSeconds(raw: string, hint?: DurationHint): number {
  const text = raw.trim();
  if (text === "") return Number.NaN;
  const c = text.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    const quick = quickClock(text);
    if (quick >= 0) return quick;
    if (INTEGER.test(text)) return scaleNumber(Number(text), hint);
    const clock = CLOCK.exec(text);
    if (clock) return clockSeconds(clock);
    if (DECIMAL.test(text)) return scaleNumber(Number(text.replace(",", ".")), hint);
  }
  // A unit-word duration never starts with P, so this costs the hot path nothing.
  if (c === 80 || c === 112) return isoSeconds(text);
  return unitSeconds(text);
}

const INTEGER = /^\d+$/;

/** `M:SS`, `MM:SS`, `H:MM:SS` without a regex (the hot case); -1 for anything else. */
function quickClock(text: string): number {
  let total = 0;
  let part = 0;
  let digits = 0;
  let parts = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      part = part * 10 + c - 48;
      digits++;
    } else if (c === 58 && digits > 0) {
      if (parts > 0 && (digits !== 2 || part > 59)) return -1;
      total = total * 60 + part;
      part = 0;
      digits = 0;
      parts++;
    } else return -1;
  }
  if (parts === 0 || parts > 2 || digits !== 2 || part > 59) return -1;
  return total * 60 + part;
}
const DECIMAL = /^\d*[.,]\d+$|^\d+[.,]$/;
const CLOCK = /^(\d+):(\d{1,2})(?::(\d{1,2}))?(?:[.,](\d+))?$/;

function roundHalfUp(x: number): number {
  // The epsilon keeps 2.4999999999 (from 0.0416666 min × 60) from rounding the wrong way.
  return Math.floor(x + 0.5 + 1e-9);
}

function scaleNumber(v: number, hint: DurationHint): number {
  if (!Number.isFinite(v) || v < 0) return Number.NaN;
  switch (hint) {
    case "minutes":
      return roundHalfUp(v * 60);
    case "milliseconds":
      return roundHalfUp(v / 1000);
    case "clock":
      return v < 1 ? roundHalfUp(v * 86400) : roundHalfUp(v);
    default:
      return roundHalfUp(v);
  }
}

function clockSeconds(m: RegExpExecArray): number {
  const a = Number(m[1]);
  const b = Number(m[2]);
  const fraction = m[4] ? Number(`0.${m[4]}`) : 0;
  if (m[3] === undefined) {
    if (b > 59) return Number.NaN;
    return roundHalfUp(a * 60 + b + fraction);
  }
  const s = Number(m[3]);
  if (b > 59 || s > 59) return Number.NaN;
  return roundHalfUp(a * 3600 + b * 60 + s + fraction);
}

/**
 * ISO 8601 `PnDTnHnMnS`. Years, months and weeks are refused: a call is never that long, and a
 * month has no fixed length (`P1M` is a month, not a minute).
 */
const ISO_DURATION = /^P(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/i;

function isoSeconds(text: string): number {
  const m = ISO_DURATION.exec(text);
  if (!m || (m[1] === undefined && m[2] === undefined && m[3] === undefined && m[4] === undefined)) return Number.NaN;
  const part = (x: string | undefined) => (x === undefined ? 0 : Number(x.replace(",", ".")));
  return roundHalfUp(part(m[1]) * 86400 + part(m[2]) * 3600 + part(m[3]) * 60 + part(m[4]));
}

const UNIT_PART = /(\d+(?:[.,]\d+)?)\s*([a-zA-Z]+)\.?\s*/y;
const UNIT_SECONDS: Record<string, number> = {
  h: 3600,
  hr: 3600,
  hrs: 3600,
  hour: 3600,
  hours: 3600,
  std: 3600,
  stunde: 3600,
  stunden: 3600,
  hora: 3600,
  horas: 3600,
  heure: 3600,
  heures: 3600,
  m: 60,
  mn: 60,
  min: 60,
  mins: 60,
  minute: 60,
  minutes: 60,
  minuten: 60,
  minuto: 60,
  minutos: 60,
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
  sek: 1,
  sekunde: 1,
  sekunden: 1,
  seg: 1,
  segundo: 1,
  segundos: 1,
  seconde: 1,
  secondes: 1,
  ms: 0.001,
  msec: 0.001,
  millisecond: 0.001,
  milliseconds: 0.001,
};

function unitSeconds(text: string): number {
  UNIT_PART.lastIndex = 0;
  let total = 0;
  let parts = 0;
  let at = 0;
  while (at < text.length) {
    UNIT_PART.lastIndex = at;
    const m = UNIT_PART.exec(text);
    if (!m) return Number.NaN;
    const unit = UNIT_SECONDS[(m[2] as string).toLowerCase()];
    if (unit === undefined) return Number.NaN;
    total += Number((m[1] as string).replace(",", ".")) * unit;
    parts++;
    at = UNIT_PART.lastIndex;
  }
  return parts > 0 ? roundHalfUp(total) : Number.NaN;
}
