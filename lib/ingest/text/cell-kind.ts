/** What a cell's text looks like; used to choose a delimiter and to tell a header row from data rows. */
export type CellKind = "empty" | "number" | "phone" | "date" | "time" | "datetime" | "word" | "other";

const NUMBER = /^[-+]?[$€£¥]?(?:\d{1,3}(?:[,. '’]\d{3})+|\d+)(?:[.,]\d+)?%?$|^[-+]?[.,]\d+$/;
const PHONE = /^\+?\(?\d[\d\s().\-/]{5,}\d$/;
const DATE = /^(?:\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|\d{1,2}[-/ .][A-Za-z]{3,9}\.?[-/ .]\d{2,4}|[A-Za-z]{3,9}\.? \d{1,2},? \d{2,4})$/;
const TIME = /^\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s?[AaPp]\.?[Mm]\.?)?(?:\s?(?:Z|[+-]\d{2}:?\d{2}))?$/;
const DATETIME =
  /^(?:\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|\d{1,2}[-/ ][A-Za-z]{3,9}[-/ ]\d{2,4})[T ,]+\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s?[AaPp][Mm])?\s?(?:Z|[A-Z]{2,5}|[+-]\d{2}:?\d{2})?$/;
// Words and phrases: letters, digits and the punctuation of names and labels, but none of the usual delimiters.
const WORD = /^[\p{L}\p{N}\p{M}[(#@*$€£%][\p{L}\p{N}\p{M} _.\-/()&'’#+*%@[\]$€£?!"=<>:]*$/u;
const URL_OR_EMAIL = /^(?:https?:\/\/\S+|[\w.+-]+@[\w-]+\.[\w.-]+)$/;

export function cellKind(text: string): CellKind {
  const s = text.trim();
  if (s === "") return "empty";
  const c = s.charCodeAt(0);
  const startsNumeric = (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 40 || c === 46 || c === 36;
  if (startsNumeric || s.length <= 20) {
    if (NUMBER.test(s)) return s.replace(/\D/g, "").length >= 7 && !/[.,]\d{1,2}$/.test(s) ? "phone" : "number";
    if (PHONE.test(s)) return "phone";
    if (TIME.test(s)) return "time";
  }
  if (DATE.test(s)) return "date";
  if (s.length <= 40 && DATETIME.test(s)) return "datetime";
  if (WORD.test(s) || URL_OR_EMAIL.test(s)) return "word";
  return "other";
}

/** Values that are data rather than labels: a header row has few of these. */
export function isDataKind(kind: CellKind): boolean {
  return kind === "number" || kind === "phone" || kind === "date" || kind === "time" || kind === "datetime";
}

/** True for cells a well-split table is made of (anything but `other`). */
export function isKnownKind(kind: CellKind): boolean {
  return kind !== "other";
}
