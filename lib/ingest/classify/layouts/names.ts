/**
 * Header and field names compared case-, space- and punctuation-blind, so one table row serves
 * every spelling a vendor's exports use: `start_time` (API JSON), `StartTime` (API CSV),
 * `Start Time` (console export), `variables.start_epoch` (a flattened JSON CDR), `CDR(src)`
 * (an Asterisk cdr_custom header).
 */
export function normalizeName(name: string): string {
  const h = name
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/^cdr\((.*)\)$/, "$1");
  return h.replace(/[^a-z0-9]/g, "");
}

/** Normalized name → first column index with it. */
export function nameIndex(names: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  names.forEach((n, i) => {
    const key = normalizeName(n);
    if (key !== "" && !index.has(key)) index.set(key, i);
  });
  return index;
}
