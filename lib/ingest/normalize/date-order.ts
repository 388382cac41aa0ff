export type DateOrder = "mdy" | "dmy" | "ymd";

const NUMERIC_DATE = /^\s*(\d{1,4})([-/.])(\d{1,2})\2(\d{1,4})/;

/**
 * Decides how a column writes all-numeric dates from its sample values. A first field over 12
 * proves day-first, a second field over 12 proves month-first, a 4-digit first field is year-first.
 * Without proof: month-first (US carriers), except dotted dates (dd.mm.yyyy is the European form).
 */
export function inferDateOrder(samples: string[]): DateOrder {
  let mdy = 0;
  let dmy = 0;
  let ymd = 0;
  let dotted = 0;
  let numeric = 0;
  for (const sample of samples) {
    const m = NUMERIC_DATE.exec(sample);
    if (!m) continue;
    numeric++;
    const a = m[1] as string;
    const first = Number(a);
    const second = Number(m[3]);
    if (m[2] === ".") dotted++;
    if (a.length >= 3) ymd++;
    else if (first > 12 && first <= 31 && second <= 12) dmy++;
    else if (second > 12 && second <= 31 && first <= 12) mdy++;
  }
  if (ymd > 0 && ymd >= mdy + dmy) return "ymd";
  if (dmy > mdy) return "dmy";
  if (mdy > dmy) return "mdy";
  return numeric > 0 && dotted * 2 > numeric ? "dmy" : "mdy";
}
