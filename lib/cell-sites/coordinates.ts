/**
 * Numbers of a cell-site list: degrees of latitude and longitude (decimal, with "N/S/E/W" before
 * or after, a degree sign, or a decimal comma), and angles (azimuth, beamwidth). Each returns the
 * number or a sentence saying what is wrong with the text.
 */

export type Parsed = { value: number } | { error: string };

/** "41,8781" → 41.8781 (a decimal comma, when there is no point and one comma); spaces and ° dropped. */
function plainNumber(text: string): number | null {
  let t = text.replace(/[°\s]/g, "");
  if (!t.includes(".") && (t.match(/,/g) ?? []).length === 1) t = t.replace(",", ".");
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t)) return null;
  return Number(t);
}

/** Degrees of latitude (max 90) or longitude (max 180), decimal; S and W are negative. */
export function parseDegrees(raw: string, axis: "latitude" | "longitude"): Parsed {
  const text = raw.trim();
  if (text === "") return { error: `no ${axis}` };
  const hemi = /^([NSEW])\s*(.+)$/i.exec(text) ?? /^(.+?)\s*([NSEW])$/i.exec(text);
  let sign = 1;
  let body = text;
  if (hemi) {
    const letter = (/^[NSEW]$/i.test(hemi[1]!) ? hemi[1]! : hemi[2]!).toUpperCase();
    body = /^[NSEW]$/i.test(hemi[1]!) ? hemi[2]! : hemi[1]!;
    const fits = axis === "latitude" ? "NS".includes(letter) : "EW".includes(letter);
    if (!fits) return { error: `${axis} "${raw}" has the wrong hemisphere letter` };
    if (letter === "S" || letter === "W") sign = -1;
  }
  const n = plainNumber(body);
  if (n === null || !Number.isFinite(n)) return { error: `${axis} "${raw}" is not a number of degrees` };
  if (hemi && n < 0) return { error: `${axis} "${raw}" has both a sign and a hemisphere letter` };
  const value = sign * n;
  const max = axis === "latitude" ? 90 : 180;
  if (Math.abs(value) > max) return { error: `${axis} ${value} is outside −${max}…${max}` };
  return { value };
}

/** An angle in degrees within (min, max]; an empty cell is null (not given). */
export function parseAngle(raw: string, name: "azimuth" | "beamwidth"): Parsed | null {
  const text = raw.trim();
  if (text === "") return null;
  const n = plainNumber(text);
  if (n === null || !Number.isFinite(n)) return { error: `${name} "${raw}" is not a number of degrees` };
  if (name === "azimuth") return n < 0 || n > 360 ? { error: `azimuth ${n} is outside 0…360` } : { value: n % 360 };
  return n <= 0 || n > 360 ? { error: `beamwidth ${n} is outside 1…360` } : { value: n };
}
