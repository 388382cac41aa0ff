import fs from "node:fs";
import path from "node:path";
import type { MappingOverride } from "../../lib/schemas/mapping";
import type { CommonContactsResponse } from "../../lib/schemas/analytics";

/**
 * Three targets' files of one case that share some counterparties (issue 21, common contacts),
 * shared by tests/integration/common-contacts.test.ts (SQLite) and
 * tests/pg/common-contacts.pg.test.ts, and the answer a recount from the stored records gives.
 */
export const T1 = "7135550111",
  T2 = "7135550122",
  T3 = "7135550133";
export const TARGETS = [T1, T2, T3].map((t) => `+1${t}`);

/** Who each target talks to, how often. T2's own number is a counterparty of T1 and T3. */
const PLAN: Record<string, [party: string, events: number][]> = {
  [T1]: [
    ["3125550111", 5],
    ["6175550123", 2],
    ["4155550190", 6],
    [T2, 2],
    ["Restricted", 1],
    ["9175550121", 4],
  ],
  [T2]: [
    ["3125550111", 4],
    ["6175550123", 2],
    ["4155550190", 1],
    ["2025550133", 2],
  ],
  [T3]: [
    ["3125550111", 3],
    ["6175550123", 1],
    [T2, 3],
    ["Restricted", 2],
    ["2025550133", 3],
    ["3035550166", 8],
  ],
};

/** Start, From, To, Duration (s), Type: a generic layout, mapped explicitly. */
export const COMMON_CONTACTS_MAPPING: MappingOverride = {
  columns: (["start_time", "caller", "callee", "duration_seconds", "record_type"] as const).map((field, index) => ({ index, field })),
  timezone: "UTC",
} as MappingOverride;

const pad2 = (n: number) => String(n).padStart(2, "0");
const stamp = (ms: number) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
};

/**
 * Writes one file per target: its planned events, interleaved round-robin over its parties, 53
 * minutes apart (each target offset by 17 minutes, so no two reports of one call ever look like
 * near-duplicates), every third an SMS, in and out alternating ("Restricted" only calls in).
 */
export function writeCommonContactsFiles(dir: string): string[] {
  return [T1, T2, T3].map((target, ti) => {
    const queue = PLAN[target]!.map(([party, n]) => ({ party, left: n }));
    const lines = ["All times are UTC", `Target: ${target}`, "Start,From,To,Duration (s),Type"];
    let k = 0;
    while (queue.some((q) => q.left > 0)) {
      for (const q of queue) {
        if (q.left === 0) continue;
        q.left--;
        const sms = k % 3 === 2;
        const incoming = q.party === "Restricted" || k % 2 === 1;
        const at = Date.UTC(2024, 2, 1) + ti * 17 * 60_000 + k * 53 * 60_000;
        lines.push([stamp(at), incoming ? q.party : target, incoming ? target : q.party, sms ? 0 : 30 + k, sms ? "SMS" : "Voice"].join(","));
        k++;
      }
    }
    const file = path.join(dir, `common-${target}.csv`);
    fs.writeFileSync(file, lines.join("\n") + "\n");
    return file;
  });
}

/** A stored record, as the recount needs it. */
export interface StoredRecord {
  target: string | null;
  caller: string | null;
  callee: string | null;
  caller_raw: string | null;
  callee_raw: string | null;
  caller_kind: string | null;
  callee_kind: string | null;
  start_time: string;
  record_type: string;
}

/**
 * The common contacts of a case recounted from its counted records (duplicate_of IS NULL), by the
 * contacts rule (the target's other party: E.164, else the raw value), in the route's order:
 * most targets, most events (calls + messages), then by number.
 */
export function recountCommonContacts(records: readonly StoredRecord[], minTargets = 2, limit = 100): CommonContactsResponse {
  const byNumber = new Map<string, { kinds: string[]; targets: Map<string, { events: number; first: string; last: string }> }>();
  for (const r of records) {
    if (r.target === null) continue;
    const calleeSide = r.caller === r.target;
    const num = calleeSide ? (r.callee ?? r.callee_raw) : (r.caller ?? r.caller_raw);
    if (num === null || num === r.target) continue;
    const kind = (calleeSide ? r.callee_kind : r.caller_kind) ?? "e164";
    const n = byNumber.get(num) ?? { kinds: [] as string[], targets: new Map() };
    byNumber.set(num, n);
    n.kinds.push(kind);
    const event = r.record_type === "voice" || r.record_type === "sms" || r.record_type === "mms" ? 1 : 0;
    const t = n.targets.get(r.target);
    if (!t) n.targets.set(r.target, { events: event, first: r.start_time, last: r.start_time });
    else {
      t.events += event;
      if (r.start_time < t.first) t.first = r.start_time;
      if (r.start_time > t.last) t.last = r.start_time;
    }
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const contacts = [...byNumber]
    .filter(([, n]) => n.targets.size >= minTargets)
    .map(([number, n]) => {
      const targets = [...n.targets].map(([target, t]) => ({ target, ...t })).sort((a, b) => b.events - a.events || cmp(a.target, b.target));
      return { number, kind: n.kinds.sort()[0]!, targets, events: targets.reduce((s, t) => s + t.events, 0) };
    })
    .sort((a, b) => b.targets.length - a.targets.length || b.events - a.events || cmp(a.number, b.number));
  return { contacts: contacts.slice(0, limit) };
}
