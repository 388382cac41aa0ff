import type { ColumnTransform } from "../../schemas/mapping";

/**
 * A reviewer's structure edits (issue 18) applied to raw rows before any column is mapped: one
 * pure function for the preview and the load, so what the reviewer saw is what loads. Browser-safe
 * (the review screen re-indexes its draft with the same rules).
 *
 * - split `column` at a character position `at` (the first part keeps `at` characters) or at the
 *   first `separator` (dropped; a value without it stays whole in the first part); both parts trimmed;
 * - merge `columns: [a, b]`: the values joined by `separator` (just the one when the other is
 *   empty), in column a's place; column b goes.
 * Each edit's indexes refer to the table the edits before it left.
 */

/** Why the edits cannot apply to a table `width` columns wide (one sentence), or null when they can. */
export function transformsProblem(transforms: readonly ColumnTransform[], width: number): string | null {
  let w = width;
  for (const [k, t] of transforms.entries()) {
    const n = transforms.length > 1 ? `Structure edit ${k + 1} (${describeTransform(t)})` : `The structure edit (${describeTransform(t)})`;
    const cols = t.op === "split" ? [t.column] : t.columns;
    const out = cols.find((c) => c >= w);
    if (out !== undefined) return `${n} refers to column ${out + 1}, but the table has ${w === 1 ? "only 1 column" : `only ${w} columns`} at that point.`;
    if (t.op === "merge" && t.columns[0] === t.columns[1]) return `${n} merges a column with itself.`;
    if (t.op === "split" && (t.at === undefined) === (t.separator === undefined)) return `${n} needs either a character position or a separator.`;
    w += t.op === "split" ? 1 : -1;
  }
  return null;
}

/** A short phrase for one edit ("split column 2 at character 10", "merge columns 3 and 4"). */
export function describeTransform(t: ColumnTransform): string {
  if (t.op === "split") return t.at !== undefined ? `split column ${t.column + 1} at character ${t.at}` : `split column ${t.column + 1} at "${t.separator}"`;
  return `merge columns ${t.columns[0] + 1} and ${t.columns[1] + 1}${t.separator ? ` with "${t.separator}"` : ""}`;
}

function splitValue(value: string, t: Extract<ColumnTransform, { op: "split" }>): [string, string] {
  if (t.at !== undefined) return [value.slice(0, t.at).trim(), value.slice(t.at).trim()];
  const sep = t.separator ?? "";
  const i = sep ? value.indexOf(sep) : -1;
  return i < 0 ? [value.trim(), ""] : [value.slice(0, i).trim(), value.slice(i + sep.length).trim()];
}

const joinValues = (a: string, b: string, sep: string) => (a !== "" && b !== "" ? `${a}${sep}${b}` : a || b);

function padTo(cells: readonly string[], width: number): string[] {
  const out = cells.slice();
  while (out.length < width) out.push("");
  return out;
}

/** One row's cells after the edits (a short row reads its missing cells as empty). */
export function transformCells(cells: readonly string[], transforms: readonly ColumnTransform[]): string[] {
  let out = cells as string[];
  for (const t of transforms) {
    if (t.op === "split") {
      out = padTo(out, t.column + 1);
      out.splice(t.column, 1, ...splitValue(out[t.column]!, t));
    } else {
      const [a, b] = t.columns;
      out = padTo(out, Math.max(a, b) + 1);
      out[a] = joinValues(out[a]!, out[b]!, t.separator ?? "");
      out.splice(b, 1);
    }
  }
  return out === cells ? cells.slice() : out;
}

/**
 * The header cells after the edits: a split by a separator the header also holds splits it there
 * ("Date Time" at " " → "Date", "Time"); otherwise the parts are "<header> (1)" and "<header> (2)".
 * Merged headers are joined like their values. A headerless table stays headerless (all empty).
 */
export function transformHeaders(headers: readonly string[], transforms: readonly ColumnTransform[]): string[] {
  let out = headers.slice();
  for (const t of transforms) {
    if (t.op === "split") {
      out = padTo(out, t.column + 1);
      const h = out[t.column]!;
      let parts: [string, string] = ["", ""];
      if (h) {
        const bySep = t.separator !== undefined ? splitValue(h, t) : null;
        parts = bySep && bySep[0] && bySep[1] ? bySep : [`${h} (1)`, `${h} (2)`];
      }
      out.splice(t.column, 1, ...parts);
    } else {
      const [a, b] = t.columns;
      out = padTo(out, Math.max(a, b) + 1);
      out[a] = joinValues(out[a]!, out[b]!, t.separator || " ");
      out.splice(b, 1);
    }
  }
  return out;
}

/** Where column `index` of the table before the edits is after them (a split column: its first part; merged columns: the merge). */
export function transformedIndex(index: number, transforms: readonly ColumnTransform[]): number {
  let i = index;
  for (const t of transforms) {
    if (t.op === "split") {
      if (i > t.column) i += 1;
    } else {
      const [a, b] = t.columns;
      const at = a > b ? a - 1 : a;
      if (i === a || i === b) i = at;
      else if (i > b) i -= 1;
    }
  }
  return i;
}

/** Columns of a plan made before the edits, re-indexed for the table after them (the first of any that meet keeps the place). */
export function remapColumns<T extends { index: number }>(columns: readonly T[], transforms: readonly ColumnTransform[]): T[] {
  if (transforms.length === 0) return columns.slice();
  const seen = new Set<number>();
  const out: T[] = [];
  for (const c of columns) {
    const index = transformedIndex(c.index, transforms);
    if (seen.has(index)) continue;
    seen.add(index);
    out.push({ ...c, index });
  }
  return out;
}

/**
 * The edits `next` adds to those a plan was made with (`made`): the rest of `next` when `made` is
 * where it starts, [] when `next` is absent (the plan's own stand), null when `next` undoes or
 * changes one of them (the plan's columns can no longer be placed).
 */
export function addedTransforms(made: readonly ColumnTransform[], next: readonly ColumnTransform[] | undefined): ColumnTransform[] | null {
  if (next === undefined) return [];
  if (next.length < made.length) return null;
  for (let k = 0; k < made.length; k++) if (transformKey(made[k]!) !== transformKey(next[k]!)) return null;
  return next.slice(made.length);
}

const transformKey = (t: ColumnTransform) =>
  t.op === "split" ? `split|${t.column}|${t.at ?? ""}|${t.separator ?? ""}` : `merge|${t.columns[0]}|${t.columns[1]}|${t.separator ?? ""}`;
