import type { MappableField } from "../../schemas/fields";

export interface Assignment {
  field: MappableField | null;
  score: number;
}

/** Below this a column is better left unmapped than forced onto a field. */
const MIN_SCORE = 0.2;

/**
 * Each field at most once, columns left over map to nothing. Best pairs first; that is optimal
 * whenever scores separate clearly and otherwise resolves ties in column order, which is how
 * carriers lay out caller before callee and first cell before last cell.
 */
export function assignFields(scores: Map<MappableField | null, number>[]): Assignment[] {
  const pairs: { col: number; field: MappableField | null; score: number; rank: number }[] = [];
  scores.forEach((m, col) => {
    let rank = 0;
    for (const [field, score] of m) pairs.push({ col, field, score, rank: rank++ });
  });
  pairs.sort((a, b) => b.score - a.score || a.col - b.col || a.rank - b.rank);
  const result: (Assignment | undefined)[] = scores.map(() => undefined);
  const usedFields = new Set<MappableField>();
  for (const p of pairs) {
    if (result[p.col]) continue;
    if (p.field === null) {
      result[p.col] = { field: null, score: p.score };
      continue;
    }
    if (usedFields.has(p.field) || p.score < MIN_SCORE) continue;
    usedFields.add(p.field);
    result[p.col] = { field: p.field, score: p.score };
  }
  return result.map((r, col) => r ?? { field: null, score: Math.max(0.5, 1 - Math.max(0, ...[...scores[col]!.values()])) });
}
