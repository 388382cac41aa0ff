/**
 * Cell keys (issue 21): one spelling for a cell, so a carrier's cell-site list and the cells its
 * records name meet. Records say "55303-1" (site 55303, sector 1), Verizon's "Cell Site"
 * "52975-3", AT&T's "Cell Location" "15159-3"; lists spell the same cell "55303" + sector "1",
 * "55303-1", "55303/1" or "055303 - 01". The key is the parts in upper case joined by "-", with the
 * leading zeros of numeric parts dropped. Its site key is every part but the last, so a list
 * entry without a sector ("55303") stands for every sector of that site.
 */

const SEPARATORS = /\s*[-/:_.|\\]\s*|\s+/;

/** The key of a cell as written anywhere (a list or a record), or null when it names nothing. */
export function normalizeCellKey(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const parts = raw
    .trim()
    .toUpperCase()
    .split(SEPARATORS)
    .filter((p) => p !== "")
    .map((p) => (/^\d+$/.test(p) ? p.replace(/^0+(?=\d)/, "") : p));
  return parts.length === 0 ? null : parts.join("-");
}

/** The site a key belongs to ("55303-1" → "55303"); null for a one-part key (a site itself). */
export function siteKeyOf(key: string): string | null {
  const cut = key.lastIndexOf("-");
  return cut > 0 ? key.slice(0, cut) : null;
}

/** A sector number reads as a sector: 1–3 characters ("1", "03", "A", "12"). */
const looksLikeSector = (s: string) => s.length <= 3;

/**
 * The key of one list row from its cell, site and sector columns (any may be empty):
 * - a cell with its own separator ("55303-1") is the key as it is;
 * - a one-part cell with a sector column → cell-sector; with a site column and no sector, a short
 *   cell ("1", the eNodeB's cell number) → site-cell, a long one is the cell on its own;
 * - no cell: site-sector, or the site alone (every sector of it).
 */
export function rowCellKey(cell: string | null, site: string | null, sector: string | null): string | null {
  const c = normalizeCellKey(cell);
  const s = normalizeCellKey(site);
  const sec = normalizeCellKey(sector);
  if (c) {
    if (c.includes("-")) return c;
    if (sec) return `${c}-${sec}`;
    if (s && looksLikeSector(c) && s !== c) return `${s}-${c}`;
    return c;
  }
  if (s) return sec ? `${s}-${sec}` : s;
  return null;
}

/** The list keys that may place a record's cell, best first: the cell itself, then its whole site. */
export function lookupKeys(recordCell: string): string[] {
  const key = normalizeCellKey(recordCell);
  if (!key) return [];
  const site = siteKeyOf(key);
  return site ? [key, site] : [key];
}
