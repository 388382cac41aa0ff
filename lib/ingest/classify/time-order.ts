import type { ColumnProfile } from "./profile-column";
import { dateOrder } from "./value-format";

/** A sortable number for a date-time cell (YYYYMMDDhhmmss), or null when it does not parse. */
export function timeKey(raw: string, order: "mdy" | "dmy" | "ymd"): number | null {
  const v = raw.trim();
  let y: number, mo: number, d: number;
  let rest: string;
  const ymd = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(.*)$/.exec(v);
  const other = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2,4})(.*)$/.exec(v);
  if (ymd) [y, mo, d, rest] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3]), ymd[4]!];
  else if (other) {
    const [a, b] = [Number(other[1]), Number(other[2])];
    [mo, d] = order === "dmy" ? [b, a] : [a, b];
    y = Number(other[3]);
    if (y < 100) y += 2000;
    rest = other[4]!;
  } else return null;
  const t = /(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp])?/.exec(rest);
  let h = t ? Number(t[1]) : 0;
  if (t?.[4]) h = (h % 12) + (/[Pp]/.test(t[4]) ? 12 : 0);
  const min = t ? Number(t[2]) : 0;
  const s = t?.[3] ? Number(t[3]) : 0;
  return ((((y * 100 + mo) * 100 + d) * 100 + h) * 100 + min) * 100 + s;
}

/**
 * Between two date-time columns, the one never later than the other in any row is the start.
 * Returns the index of the earlier column and of the later one, or null when rows do not agree.
 */
export function startEndOrder(values: string[][], profiles: ColumnProfile[]): { earlier: number; later: number } | null {
  const cols = profiles.map((p, i) => (p.dateTime >= 0.8 && p.offset < 0.5 ? i : -1)).filter((i) => i >= 0);
  if (cols.length !== 2) return null;
  const [a, b] = [cols[0]!, cols[1]!];
  const order = dateOrder([...values[a]!, ...values[b]!]) ?? "mdy";
  const fmt = order === "dmy" || order === "ymd" ? order : "mdy";
  let n = 0;
  let aFirst = 0;
  let bFirst = 0;
  let aNotAfter = 0;
  let bNotAfter = 0;
  for (let r = 0; r < values[a]!.length; r++) {
    const ka = timeKey(values[a]![r] ?? "", fmt);
    const kb = timeKey(values[b]![r] ?? "", fmt);
    if (ka === null || kb === null) continue;
    n++;
    if (ka <= kb) aNotAfter++;
    if (kb <= ka) bNotAfter++;
    if (ka < kb) aFirst++;
    if (kb < ka) bFirst++;
  }
  if (n < 3) return null;
  if (aNotAfter / n >= 0.95 && aFirst > 0) return { earlier: a, later: b };
  if (bNotAfter / n >= 0.95 && bFirst > 0) return { earlier: b, later: a };
  return null;
}
