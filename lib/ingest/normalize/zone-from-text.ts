import { fixedOffsetMinutes } from "./zone-offset";
import { ZONE_ABBREVIATIONS, ZONE_PHRASES } from "./zone-names";

/**
 * Reads a time-zone statement ("All times shown in UTC", "ALL TIMES ARE ET", "Time zone: Central
 * Time", "Zeitzone: MEZ", "Hora del Pacífico", "UTC-05:00", "America/Chicago") from preamble text
 * or a zone column value and returns an IANA zone (or "±HH:MM" for offsets that are not whole
 * hours). Lines that talk about time/zone are read first, so a "Pacific Bell" letterhead does not
 * outrank "Time zone: Eastern".
 */
export function zoneFromText(text: string): string | null {
  if (!text) return null;
  const memoHit = memo.get(text);
  if (memoHit !== undefined) return memoHit;
  const result = zoneFromLines(text);
  if (memo.size >= 10_000) memo.clear();
  memo.set(text, result);
  return result;
}

const memo = new Map<string, string | null>();
const ZONE_WORDS = /time|zone|\btz\b|hora|heure|zeit|uhr|fuseau|horario|huso|times|fecha|date/i;

function zoneFromLines(text: string): string | null {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const ordered = [...lines.filter((l) => ZONE_WORDS.test(l)), ...lines.filter((l) => !ZONE_WORDS.test(l))];
  for (const line of ordered) {
    const zone = zoneFromLine(line);
    if (zone) return zone;
  }
  return null;
}

function zoneFromLine(line: string): string | null {
  // City names only where the line is about time or is a short value ("Davis" in a name is not Antarctica).
  const allowCities = ZONE_WORDS.test(line) || line.split(/\s+/).length <= 3;
  return ianaIn(line) ?? offsetIn(line) ?? phraseIn(line, allowCities) ?? abbreviationIn(line);
}

const IANA_LIKE = /\b((?:Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc|US|Canada|Mexico|Brazil|Chile)\/[A-Za-z0-9_+-]+(?:\/[A-Za-z_]+)?)/;

function ianaIn(line: string): string | null {
  const m = IANA_LIKE.exec(line);
  if (m && isKnownZone(m[1] as string)) return canonicalZone(m[1] as string);
  return null;
}

export function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function canonicalZone(zone: string): string {
  if (/^Etc\/(UTC|UCT|GMT|Zulu|Universal)$/i.test(zone)) return "UTC";
  return zone;
}

const OFFSET_IN_TEXT = /(?:\b(?:UTC|GMT|UT)\s*([+\-\u2212]\s*\d{1,2}(?::?\d{2})?)|^([+\-\u2212]\d{2}:?\d{2})$)/i;

/** "UTC-05:00", "GMT+1", a bare "-0500": whole hours become Etc/GMT∓N (IANA signs are inverted). */
function offsetIn(line: string): string | null {
  const m = OFFSET_IN_TEXT.exec(line);
  if (!m) return null;
  const minutes = fixedOffsetMinutes((m[1] ?? m[2] ?? "").replace(/\s+/g, ""));
  if (minutes === null) return null;
  if (minutes === 0) return "UTC";
  if (minutes % 60 === 0) return `Etc/GMT${minutes > 0 ? "-" : "+"}${Math.abs(minutes / 60)}`;
  const abs = Math.abs(minutes);
  return `${minutes > 0 ? "+" : "-"}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** Lowercase, accents removed, punctuation to spaces: "Hora del Pacífico" → " hora del pacifico ". */
function fold(text: string): string {
  return ` ${text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()} `;
}

function phraseIn(line: string, allowCities: boolean): string | null {
  const folded = fold(line);
  // Phrases match at word starts so inflections count ("mitteleuropäischer", "Pacifique").
  for (const [phrase, zone] of ZONE_PHRASES) if (folded.includes(` ${phrase}`)) return zone;
  return allowCities ? cityIn(folded) : null;
}

let cityIndex: Map<string, string> | null = null;

/** "heure de Paris", "Zeitzone Berlin": the city part of every IANA name this runtime knows. */
function cityIn(folded: string): string | null {
  if (!cityIndex) {
    cityIndex = new Map();
    for (const zone of Intl.supportedValuesOf("timeZone")) {
      if (/^(Etc|Antarctica)\//.test(zone)) continue;
      const city = zone.split("/").pop()?.replace(/_/g, " ").toLowerCase();
      if (city && city.length >= 4 && !cityIndex.has(city)) cityIndex.set(city, zone);
    }
  }
  const words = folded.trim().split(" ");
  for (let i = 0; i < words.length; i++) {
    for (const n of [3, 2, 1]) {
      if (i + n > words.length) continue;
      const zone = cityIndex.get(words.slice(i, i + n).join(" "));
      if (zone) return zone;
    }
  }
  return null;
}

/** EST, MEZ, UTC…; two-letter ones (ET, PT) only in capitals so French "et" is not Eastern. */
function abbreviationIn(line: string): string | null {
  for (const token of line.split(/[^A-Za-z]+/)) {
    if (token.length < 2) {
      if (token === "Z" && line.trim() === "Z") return "UTC";
      continue;
    }
    const upper = token.toUpperCase();
    const zone = ZONE_ABBREVIATIONS.get(upper);
    if (!zone) continue;
    if (token.length === 2 && token !== upper) continue;
    return zone;
  }
  return null;
}
