import type { SourceRow } from "../types";
import type { ColumnProfile } from "./profile-column";
import { partyKey } from "./phone-e164";
import { rowDirection } from "./row-direction";

export type PhoneRole = "caller" | "callee" | "target" | "dialed_digits" | "counterparty";

/** What the values say about each phone column's role, in [0,1] per role; absent = no evidence. */
export type RoleEvidence = Map<number, Partial<Record<PhoneRole, number>>>;

/** What the headers say, per column, as far as party roles go (from map-columns). */
export interface HeaderRoles {
  /** Roles the header names (score ≥ 0.7 after header semantics); empty for a silent header. */
  named: PhoneRole[];
  /** The header names a party by letter ("B Number", "A-Party"): in a one-party log that is the other party. */
  letterParty: boolean;
}

export interface RoleOptions {
  /** Region national numbers are read in (null = not known). */
  region?: string | null;
  /** Per column; absent = every header silent. */
  headers?: HeaderRoles[];
}

const MIN_ROWS = 4;
/** Share of rows a column must hold one value on to be the subscriber's own column. */
const CONSTANT_SHARE = 0.97;

/** The row's direction from the first column whose values read as directions or call-type codes. */
export function directionColumn(profiles: ColumnProfile[]): number | null {
  let best: number | null = null;
  let bestShare = 0.7;
  profiles.forEach((p, i) => {
    const s = Math.max(p.directionWord, p.callTypeCode);
    if (s > bestShare) [best, bestShare] = [i, s];
  });
  return best;
}

/** Both directions occur in the sample: a log of calls made AND received. */
function bothDirections(rows: SourceRow[], dir: number): boolean {
  let out = 0;
  let inc = 0;
  for (const r of rows) {
    const d = rowDirection(r.cells[dir] ?? "");
    if (d === "out") out++;
    else if (d === "in") inc++;
  }
  return out > 0 && inc > 0;
}

function sameRowShare(rows: SourceRow[], a: number, b: number, region: string | null): number {
  let filled = 0;
  let same = 0;
  for (const r of rows) {
    const x = partyKey(r.cells[a] ?? "", region);
    if (!x) continue;
    filled++;
    if (x === partyKey(r.cells[b] ?? "", region)) same++;
  }
  return filled === 0 ? 0 : same / filled;
}

const isConstant = (p: ColumnProfile, rows: SourceRow[]) => p.topShare >= CONSTANT_SHARE && p.emptyShare < 0.1 && rows.length >= MIN_ROWS;

/**
 * Headerless subscriber + partner ids: two neighbouring columns of opaque ids (`A_orange`, `C`),
 * one holding the same id on (almost) every row, the other varying, drawn from one set of ids
 * (the constant id also occurs in the other column: the subscriber's own entries). Returns the
 * pair [subscriber, partner] or null.
 */
export function idPair(profiles: ColumnProfile[], values: string[][], silent: (i: number) => boolean): [number, number] | null {
  for (let i = 0; i + 1 < profiles.length; i++) {
    for (const [s, o] of [
      [i, i + 1],
      [i + 1, i],
    ] as const) {
      const ps = profiles[s]!;
      const po = profiles[o]!;
      if (!silent(s) || !silent(o) || ps.partyNumber >= 0.6 || po.partyNumber >= 0.6) continue;
      // Ids, not counts: short integers (a rate beside durations) are no subscriber pair.
      if (ps.integer >= 0.5 || po.integer >= 0.5) continue;
      if (ps.partyId < 0.9 || po.partyId < 0.9 || ps.topShare < CONSTANT_SHARE || ps.filled < MIN_ROWS || po.distinct < 2 || po.topShare >= CONSTANT_SHARE) continue;
      if (ps.topValue !== null && values[o]!.some((v) => v.trim() === ps.topValue)) return [s, o];
    }
  }
  return null;
}

/**
 * Cross-column evidence about party roles:
 * - a party column with one value on (almost) every row is the target (the subscriber);
 * - a sparse column that repeats another column is the dialed digits;
 * - with a target and a direction per row, the caller is the column holding the target on
 *   outgoing rows and the callee the one holding it on incoming rows;
 * - one-subscriber logs: when the only party column besides the target (or the only party
 *   column of a log whose rows go both ways) is not named caller or callee, it is the
 *   counterparty — the other party, caller on incoming rows and callee on outgoing ones;
 * - two party columns of which the header names one caller (callee) and says nothing of the
 *   other: the other is the callee (caller), a call having two ends.
 * `partyColumns` lists the columns that hold parties (phone-like values, or ids under a party header).
 */
export function phoneRoleEvidence(rows: SourceRow[], profiles: ColumnProfile[], target: string | null, opts: RoleOptions & { partyColumns?: number[] } = {}): RoleEvidence {
  // Columns a header names as an end of the call (caller, callee, other party) count as parties even when their values are unreadable (names).
  const namedEnds = (opts.headers ?? [])
    .map((h, i) => (h.named.some((r) => r === "caller" || r === "callee" || r === "counterparty") && (profiles[i]?.filled ?? 0) > 0 ? i : -1))
    .filter((i) => i >= 0);
  const region = opts.region ?? null;
  const evidence: RoleEvidence = new Map();
  const phones = opts.partyColumns ?? profiles.map((p, i) => (p.partyNumber >= 0.6 && p.filled > 0 ? i : -1)).filter((i) => i >= 0);
  if (rows.length < MIN_ROWS) return evidence;
  const named = (i: number) => opts.headers?.[i]?.named ?? [];
  for (const i of phones) {
    const p = profiles[i]!;
    const e: Partial<Record<PhoneRole, number>> = {};
    if (isConstant(p, rows)) e.target = 0.95;
    if (p.emptyShare >= 0.15) {
      const echo = Math.max(0, ...phones.filter((j) => j !== i).map((j) => sameRowShare(rows, i, j, region)));
      if (echo >= 0.8) e.dialed_digits = 0.9;
    }
    evidence.set(i, e);
  }
  const dir = directionColumn(profiles);
  if (dir !== null && target !== null) {
    for (const i of phones) {
      const e = evidence.get(i)!;
      if (e.target || e.dialed_digits) continue;
      let n = 0;
      let asCaller = 0;
      let asCallee = 0;
      for (const r of rows) {
        const d = rowDirection(r.cells[dir] ?? "");
        const v = partyKey(r.cells[i] ?? "", region, true);
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
  }

  // One-subscriber logs and two-ended calls: the party columns that are neither the target nor dialed digits.
  const free = phones.filter((i) => !evidence.get(i)!.target && !evidence.get(i)!.dialed_digits);
  const hasTarget = phones.some((i) => evidence.get(i)!.target) || target !== null;
  const namesSide = (i: number) => (named(i).includes("caller") || named(i).includes("callee")) && !opts.headers?.[i]?.letterParty;
  const unreadEnds = namedEnds.filter((i) => !phones.includes(i));
  if (free.length === 1 && unreadEnds.length === 0) {
    const i = free[0]!;
    const twoWay = dir !== null && bothDirections(rows, dir);
    if (!namesSide(i) && (hasTarget || twoWay)) {
      const e = evidence.get(i)!;
      e.counterparty = 0.9;
      e.caller = Math.min(e.caller ?? 1, 0.1);
      e.callee = Math.min(e.callee ?? 1, 0.1);
      // Beside the other party, the subscriber's own column is neither end by itself: it is the target.
      for (const t of phones) {
        const et = evidence.get(t)!;
        if (et.target && et.caller === undefined && et.callee === undefined) Object.assign(et, { caller: 0.1, callee: 0.1 });
      }
    }
  } else if (free.length === 2) {
    const [a, b] = free as [number, number];
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const nx = named(x);
      const ny = named(y);
      const ey = evidence.get(y)!;
      if (ey.caller !== undefined || ey.callee !== undefined || ny.length > 0) continue;
      if (nx.includes("caller") && !nx.includes("callee")) Object.assign(ey, { callee: 0.85, caller: 0.1 });
      else if (nx.includes("callee") && !nx.includes("caller")) Object.assign(ey, { caller: 0.85, callee: 0.1 });
    }
  }
  return evidence;
}
