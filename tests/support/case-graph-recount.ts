import type { CaseGraphResponse, GraphEdge, GraphNode } from "../../lib/schemas/analytics";
import { graphRangeEnd, graphRangeStart } from "../../lib/schemas/analytics";
import type { StoredRecord } from "./common-contacts-files";

export interface GraphRecountFilter {
  from?: string;
  to?: string;
  type?: string;
  minWeight?: number;
  limit?: number;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The link chart of a case recounted in JS from its counted records (duplicate_of IS NULL), by
 * the contacts rule (the target's other party: E.164, else the raw value; never the target
 * itself), for tests/integration/case-graph.test.ts and tests/pg/case-graph.pg.test.ts.
 * `targets`: the case's targets (every target of the stored records, without a filter).
 */
export function recountCaseGraph(records: readonly StoredRecord[], f: GraphRecountFilter = {}): CaseGraphResponse {
  const targets = new Set(records.map((r) => r.target).filter((t): t is string => !!t));
  const from = f.from ? graphRangeStart(f.from) : undefined;
  const to = f.to ? graphRangeEnd(f.to) : undefined;
  const byEdge = new Map<string, GraphEdge & { kinds: string[] }>();
  for (const r of records) {
    if (!r.target) continue;
    if ((from && r.start_time < from) || (to && r.start_time > to) || (f.type && r.record_type !== f.type)) continue;
    const calleeSide = r.caller === r.target;
    const num = calleeSide ? (r.callee ?? r.callee_raw) : (r.caller ?? r.caller_raw);
    if (num === null || num === r.target) continue;
    const key = `${r.target}\u0000${num}`;
    let e = byEdge.get(key);
    if (!e) byEdge.set(key, (e = { source: r.target, target: num, calls: 0, messages: 0, weight: 0, first: r.start_time, last: r.start_time, kinds: [] }));
    const kind = calleeSide ? r.callee_kind : r.caller_kind;
    if (kind) e.kinds.push(kind);
    if (r.record_type === "voice") e.calls++;
    if (r.record_type === "sms" || r.record_type === "mms") e.messages++;
    e.weight = e.calls + e.messages;
    if (r.start_time < e.first) e.first = r.start_time;
    if (r.start_time > e.last) e.last = r.start_time;
  }
  const all = [...byEdge.values()].filter((e) => e.weight >= (f.minWeight ?? 1)).sort((a, b) => b.weight - a.weight || cmp(a.source, b.source) || cmp(a.target, b.target));
  const limit = f.limit ?? 2000;
  const kept = all.slice(0, limit);
  const nodes = new Map<string, GraphNode & { by: Set<string> }>();
  const node = (id: string, kind: string) => {
    let n = nodes.get(id);
    if (!n) nodes.set(id, (n = { id, label: id, kind: targets.has(id) ? "target" : kind, target: targets.has(id), common: false, events: 0, by: new Set() }));
    return n;
  };
  // A number's kind: the smallest over its edges (MIN, as contacts keep it), e164 when none is stored.
  const kindOf = new Map<string, string>();
  for (const e of kept) {
    const k = e.kinds.sort()[0] ?? "e164";
    const had = kindOf.get(e.target);
    kindOf.set(e.target, had === undefined || k < had ? k : had);
  }
  for (const e of kept) {
    node(e.source, "target").events += e.weight;
    const n = node(e.target, kindOf.get(e.target)!);
    n.events += e.weight;
    n.by.add(e.source);
  }
  return {
    nodes: [...nodes.values()]
      .map(({ by, ...n }) => ({ ...n, common: by.size >= 2 }))
      .sort((a, b) => Number(b.target) - Number(a.target) || b.events - a.events || cmp(a.id, b.id)),
    edges: kept.map(({ kinds: _kinds, ...e }) => e),
    truncated: all.length > limit,
  };
}
