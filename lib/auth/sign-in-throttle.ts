import type { Db } from "../db/prisma";

/**
 * Sign-in throttling (issue 19), per account (the e-mail tried, known or not) and per client
 * address, kept in the database (table sign_in_throttles) so a restart or another node does not
 * forget it. A key may fail `limit` times; the failure that reaches the limit, and every later one,
 * locks the key for BASE·2^(failures−limit), capped at CAP. A streak is forgotten after WINDOW
 * without failures once any wait is over. Attempts refused while locked are not counted.
 */
export interface ThrottleRule {
  limit: number;
  windowMs: number;
  baseMs: number;
  capMs: number;
}

const MINUTE = 60_000;
export const ACCOUNT_RULE: ThrottleRule = { limit: 5, windowMs: 15 * MINUTE, baseMs: 1000, capMs: 15 * MINUTE };
export const ADDRESS_RULE: ThrottleRule = { limit: 20, windowMs: 15 * MINUTE, baseMs: 1000, capMs: 15 * MINUTE };

export const accountKey = (email: string) => `email:${email.trim().toLowerCase()}`;
export const addressKey = (address: string) => `addr:${address}`;

/**
 * The address key's spelling: "::ffff:127.0.0.1" and "127.0.0.1" are one client. An unknown
 * address (a request that did not come through server.ts) is "unknown", one shared key.
 */
export function normalizeAddress(addr: string | null | undefined): string {
  const a = (addr ?? "").trim().toLowerCase().slice(0, 100);
  if (!a) return "unknown";
  return a.startsWith("::ffff:") && a.includes(".") ? a.slice(7) : a;
}

/** The clock the sign-in route reads; tests replace `now`. */
export const throttleClock = { now: (): Date => new Date() };

export function lockMs(rule: ThrottleRule, failures: number): number {
  if (failures < rule.limit) return 0;
  return Math.min(rule.capMs, rule.baseMs * 2 ** Math.min(failures - rule.limit, 40));
}

interface Row {
  key: string;
  failures: number;
  lastFailureAt: Date;
  lockedUntil: Date | null;
}

const stale = (row: Row, rule: ThrottleRule, now: Date) => now.getTime() >= Math.max(row.lastFailureAt.getTime(), row.lockedUntil?.getTime() ?? 0) + rule.windowMs;

/** Seconds until every locked one of `keys` is open again (0: none is locked). */
export async function lockedFor(db: Db, keys: string[], now: Date): Promise<number> {
  const rows = await db.signInThrottle.findMany({ where: { key: { in: keys }, lockedUntil: { gt: now } } });
  const until = Math.max(0, ...rows.map((r) => r.lockedUntil!.getTime()));
  return until > now.getTime() ? Math.max(1, Math.ceil((until - now.getTime()) / 1000)) : 0;
}

/** Counts one failure for `key` (atomic increment) and locks it when the rule says so; returns the streak length. */
export async function recordFailure(db: Db, key: string, rule: ThrottleRule, now: Date): Promise<number> {
  const existing = await db.signInThrottle.findUnique({ where: { key } });
  // A stale streak starts over; the condition on last_failure_at keeps a parallel failure's count.
  if (existing && stale(existing, rule, now)) await db.signInThrottle.deleteMany({ where: { key, lastFailureAt: existing.lastFailureAt } });
  const row = await db.signInThrottle.upsert({
    where: { key },
    create: { key, failures: 1, lastFailureAt: now },
    update: { failures: { increment: 1 }, lastFailureAt: now },
  });
  const wait = lockMs(rule, row.failures);
  if (wait > 0) {
    const until = new Date(now.getTime() + wait);
    // Only ever lengthen a lock (parallel failures may finish out of order).
    await db.signInThrottle.updateMany({ where: { key, OR: [{ lockedUntil: null }, { lockedUntil: { lt: until } }] }, data: { lockedUntil: until } });
  }
  return row.failures;
}

/** Forgets `key`'s streak and lock (a successful sign-in, or an admin lifting an account's lock-out). */
export async function clearThrottle(db: Db, key: string): Promise<boolean> {
  return (await db.signInThrottle.deleteMany({ where: { key } })).count > 0;
}

/** Drops rows nothing refers to any more (called now and then by the sign-in route). */
export async function pruneThrottles(db: Db, now: Date): Promise<void> {
  const cutoff = new Date(now.getTime() - Math.max(ACCOUNT_RULE.windowMs, ADDRESS_RULE.windowMs));
  await db.signInThrottle.deleteMany({ where: { lastFailureAt: { lt: cutoff }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: cutoff } }] } });
}
