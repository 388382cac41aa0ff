/**
 * Month and weekday words in English, German, Spanish, French, Italian, Portuguese and Dutch.
 * Words are folded (lowercase, accents removed) before lookup. A token is a month when its first
 * four or three letters are a known stem ("Sept", "September", "März", "janv.", "dic").
 */
const MONTH_STEMS = new Map<string, number>([
  ["jan", 1], ["janv", 1], ["gen", 1], ["ene", 1],
  ["feb", 2], ["fev", 2],
  ["mar", 3], ["mrz", 3],
  ["apr", 4], ["abr", 4], ["avr", 4],
  ["may", 5], ["mai", 5], ["mag", 5], ["mei", 5],
  ["jun", 6], ["juin", 6], ["giu", 6],
  ["jul", 7], ["juil", 7], ["lug", 7],
  ["aug", 8], ["ago", 8], ["aout", 8],
  ["sep", 9], ["set", 9],
  ["oct", 10], ["okt", 10], ["ott", 10], ["out", 10],
  ["nov", 11],
  ["dec", 12], ["dez", 12], ["dic", 12],
]);

// Weekdays are checked first: "mardi"/"martes" (Tuesday) must not read as March.
const WEEKDAYS = new Set([
  "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
  "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
  "lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo",
  "lun", "mer", "jeu", "ven", "sam", "dim", "mie", "jue", "vie", "sab", "dom",
]);

/** Month number 1–12 for a folded word, or 0. */
export function monthFromWord(word: string): number {
  if (word.length < 3 || WEEKDAYS.has(word)) return 0;
  return MONTH_STEMS.get(word.slice(0, 4)) ?? MONTH_STEMS.get(word.slice(0, 3)) ?? 0;
}

export function isWeekdayWord(word: string): boolean {
  return WEEKDAYS.has(word);
}

/** Lowercase without accents: "März" → "marz", "août" → "aout". */
export function foldWord(word: string): string {
  return word.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}
