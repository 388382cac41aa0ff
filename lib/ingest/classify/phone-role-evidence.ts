import type { SourceRow } from "../types";
import type { ColumnProfile } from "./profile-column";
import { toE164 } from "./phone-e164";
import { rowDirection } from "./row-direction";

export type PhoneRole = "caller" | "callee" | "target" | "dialed_digits";

/** What the values say about each phone column's role, in [0,1] per role; absent = no evidence. */
export type RoleEvidence = Map<number, Partial<Record<PhoneRole, number>>>;

const MIN_ROWS = 4;

/** The row's direction from the first column whose values read as directions or call-type codes. */
function directionColumn(profiles: ColumnProfile[]): number | null {
  let best: number | null = null;
  let bestShare = 0.7;
  profiles.forEach((p, i) => {
    const s = Math.max(p.directionWord, p.callTypeCode);
    if (s > bestShare) [best, bestShare] = [i, s];
  });
  return best;
}

function sameRowShare(rows: SourceRow[], a: number, b: number): number {
  let filled = 0;
  let same = 0;
  for (const r of rows) {
    const x = toE164(r.cells[a] ?? "");
    if (!x) continue;
    filled++;
    if (x === toE164(r.cells[b] ?? "")) same++;
  }
  return filled === 0 ? 0 : same / filled;
}

/**
 * Cross-column evidence: a constant number is the target; a sparse column that repeats another
 * column is the dialed digits; and with a target number and a direction per row, the caller is
 * the column holding the target on outgoing rows and the callee the one holding it on incoming rows.
 */
export function phoneRoleEvidence(rows: SourceRow[], profiles: ColumnProfile[], target: string | null): RoleEvidence {
  const evidence: RoleEvidence = new Map();
  const phones = profiles.map((p, i) => (p.phone >= 0.6 && p.filled > 0 ? i : -1)).filter((i) => i >= 0);
  if (rows.length < MIN_ROWS) return evidence;
  for (const i of phones) {
    const p = profiles[i]!;
    const e: Partial<Record<PhoneRole, number>> = {};
    if (p.topShare >= 0.97 && p.emptyShare < 0.1 && rows.length >= MIN_ROWS) e.target = 0.95;
    if (p.emptyShare >= 0.15) {
      const echo = Math.max(0, ...phones.filter((j) => j !== i).map((j) => sameRowShare(rows, i, j)));
      if (echo >= 0.8) e.dialed_digits = 0.9;
    }
    evidence.set(i, e);
  }
  const dir = directionColumn(profiles);
  if (dir === null || target === null) return evidence;
  for (const i of phones) {
    const e = evidence.get(i)!;
    if (e.target || e.dialed_digits) continue;
    let n = 0;
    let asCaller = 0;
    let asCallee = 0;
    for (const r of rows) {
      const d = rowDirection(r.cells[dir] ?? "");
      const v = toE164(r.cells[i] ?? "");
      if (!d || !v) continue;
      n++;
      const isTarget = v === target;
      if ((d === "out") === isTarget) asCaller++;
      if ((d === "in") === isTarget) asCallee++;
    }
    if (n < MIN_ROWS) continue;
    e.caller = asCaller / n;
    e.callee = asCallee / n;
  }
  return evidence;
}
