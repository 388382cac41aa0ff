import type { Db } from "../db/prisma";
import type { CommonContactsResponse } from "../schemas/analytics";

interface NumberRow {
  number: string;
  kind: string;
  targets: number | bigint;
  events: number | bigint;
}

/**
 * Common contacts of a case (issue 21): the numbers two or more (`minTargets`) of its targets talk
 * to, the most shared first (most targets, then most events = calls + messages over those
 * targets, then the number), each with every target's share and first/last contact.
 *
 * Computed from `contacts` — one row per (case, target, number) that the post-load keeps equal to a
 * recount of the case's records on SQLite and PostgreSQL (linked near-duplicate legs not counted)
 * — never by reading records: one GROUP BY over the case's rows (the unique (case_id, target,
 * number) index leads with case_id) picks the page of numbers, the same SQL on both databases,
 * then one indexed read fetches those numbers' per-target rows.
 *
 * Rules, kept simple:
 * - Records without a target (target "") have no target to share: they never count.
 * - A target's own number is never among its contacts, so a target that other targets call is a
 *   common contact exactly when `minTargets` *other* targets talk to it.
 * - `kind`: the party kind (e164 for phone numbers and rows counted before kinds existed); were a
 *   number stored with different kinds under different targets, the smallest name wins (MIN, as
 *   the contacts recount does).
 */
export async function commonContacts(db: Db, caseId: number, q: { minTargets: number; limit: number }): Promise<CommonContactsResponse> {
  // (case_id, target, number) is unique: COUNT(*) per number is the number of distinct targets.
  const page = await db.$queryRaw<NumberRow[]>`
    SELECT number, MIN(COALESCE(kind, 'e164')) AS kind, COUNT(*) AS targets, SUM(calls + messages) AS events
    FROM contacts
    WHERE case_id = ${caseId} AND target <> ''
    GROUP BY number
    HAVING COUNT(*) >= ${q.minTargets}
    ORDER BY COUNT(*) DESC, SUM(calls + messages) DESC, number ASC
    LIMIT ${q.limit}`;
  if (page.length === 0) return { contacts: [] };
  const rows = await db.contact.findMany({
    where: { caseId, target: { not: "" }, number: { in: page.map((r) => r.number) } },
    select: { number: true, target: true, calls: true, messages: true, firstSeen: true, lastSeen: true },
  });
  const byNumber = new Map<string, CommonContactsResponse["contacts"][number]["targets"]>();
  for (const r of rows) {
    const list = byNumber.get(r.number) ?? [];
    list.push({ target: r.target, events: r.calls + r.messages, first: r.firstSeen, last: r.lastSeen });
    byNumber.set(r.number, list);
  }
  return {
    contacts: page.map((p) => ({
      number: p.number,
      kind: p.kind,
      // Each target's share, the most events first, then by target.
      targets: (byNumber.get(p.number) ?? []).sort((a, b) => b.events - a.events || (a.target < b.target ? -1 : a.target > b.target ? 1 : 0)),
      events: Number(p.events),
    })),
  };
}

