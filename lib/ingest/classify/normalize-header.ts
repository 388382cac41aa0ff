/**
 * Header text → comparable tokens. Carriers and exports spell the same idea many ways
 * ("Orig Nbr", "Originating No.", "ORIGINATING_NUMBER", "originatingNumber", "Número de origen"),
 * so both headers and dictionary entries go through this one function.
 */

/** Abbreviations folded to one spelling before comparing. */
const ABBREVIATIONS: Record<string, string> = {
  nbr: "number",
  num: "number",
  no: "number",
  nr: "number",
  nro: "number",
  "n°": "number",
  nº: "number",
  numb: "number",
  "#": "number",
  tel: "phone",
  ph: "phone",
  phn: "phone",
  telephone: "phone",
  telefono: "phone",
  dt: "date",
  tm: "time",
  ts: "timestamp",
  dttm: "datetime",
  datetime: "datetime",
  orig: "originating",
  origin: "originating",
  originator: "originating",
  term: "terminating",
  terminator: "terminating",
  dur: "duration",
  durn: "duration",
  sec: "seconds",
  secs: "seconds",
  second: "seconds",
  seg: "seconds",
  min: "minutes",
  mins: "minutes",
  minute: "minutes",
  ms: "milliseconds",
  msec: "milliseconds",
  msecs: "milliseconds",
  dest: "destination",
  dst: "destination",
  src: "source",
  cld: "called",
  clg: "calling",
  dir: "direction",
  svc: "service",
  serv: "service",
  typ: "type",
  conn: "connection",
  connect: "connection",
  id: "id",
  addr: "address",
  msg: "message",
  msgs: "message",
  cnt: "count",
  qty: "quantity",
  ctry: "country",
};

/** Words that carry no meaning for matching, in the languages the dictionary covers. */
const STOP_WORDS = new Set([
  "the",
  "of",
  "de",
  "du",
  "des",
  "la",
  "le",
  "les",
  "del",
  "der",
  "die",
  "das",
  "da",
  "do",
  "dos",
  "di",
  "el",
  "los",
  "las",
  "en",
  "im",
  "am",
  "on",
  "at",
  "y",
  "und",
  "and",
]);

export interface NormalizedHeader {
  /** Tokens outside parentheses, abbreviations folded. */
  tokens: string[];
  /** Tokens inside parentheses/brackets: units and zones ("(sec)", "[UTC]"). */
  qualifiers: string[];
  /** tokens joined by one space. */
  text: string;
}

export function stripAccents(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "").replace(/ß/g, "ss");
}

function splitWords(s: string): string[] {
  const spaced = s
    // camelCase and digit boundaries: "callingNumber" → "calling Number", "1stCell" → "1st Cell".
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .replace(/#/g, " # ")
    .replace(/&/g, "")
    .replace(/[_\-./\\:;,|'"`*+=!?%$@~^]+/g, " ")
    .toLowerCase();
  return spaced.split(/\s+/).filter((t) => t !== "");
}

function foldToken(t: string): string {
  return ABBREVIATIONS[t] ?? t;
}

export function normalizeHeader(header: string): NormalizedHeader {
  const plain = stripAccents(header.replace(/^\uFEFF/, "").trim());
  const qualifiers: string[] = [];
  const outside = plain.replace(/[([{]([^)\]}]*)[)\]}]/g, (_m, inner: string) => {
    qualifiers.push(...splitWords(inner).map(foldToken));
    return " ";
  });
  const tokens = splitWords(outside)
    .map(foldToken)
    .filter((t) => !STOP_WORDS.has(t));
  return { tokens, qualifiers, text: tokens.join(" ") };
}
