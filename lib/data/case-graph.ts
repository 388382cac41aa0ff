import { Prisma } from "../../generated/prisma-sqlite/client";
import { dbEngine, type Db } from "../db/prisma";
import { graphRangeEnd, graphRangeStart, type CaseGraphResponse, type GraphEdge, type GraphNode } from "../schemas/analytics";
import type { RecordType } from "../schemas/fields";
import { csvCell } from "./records-csv";
import { zipFiles } from "./zip-archive";

export interface CaseGraphFilter {
  from?: string | undefined;
  to?: string | undefined;
  type?: RecordType | undefined;
  minWeight: number;
  limit: number;
}

interface EdgeRow {
  target: string;
  number: string;
  kind: string | null;
  calls: number | bigint;
  messages: number | bigint;
  first_at: string;
  last_at: string;
}

/**
 * The link chart of a case (issue 21): its targets and the numbers they talk to as one graph, an
 * edge per (target, number) weighted by events (calls = voice records, messages = SMS/MMS, weight
 * = calls + messages, as contacts and common contacts count them; data sessions weigh nothing).
 *
 * - Without a date or type filter every edge is already a row of `contacts` (the post-load keeps
 *   them equal to a recount of the case's records): one indexed read of the case's rows.
 * - With one, one GROUP BY (target, number) over the case's records in the database, the contacts
 *   recount's rule for each record's other party (see partySql) with the filters added.
 * Either way linked near-duplicate legs and records without a target never count, a target is
 * never its own contact, and only the `limit` heaviest edges (then by target, number) of weight ≥
 * `minWeight` are read. Nodes are the edges' endpoints: a target that another target talks to is
 * one node; `common` when two or more targets link to it in the answer.
 */
export async function caseGraph(db: Db, caseId: number, f: CaseGraphFilter): Promise<CaseGraphResponse> {
  const filtered = f.from !== undefined || f.to !== undefined || f.type !== undefined;
  const rows = filtered ? await recordEdges(db, caseId, f) : await contactEdges(db, caseId, f);
  const truncated = rows.length > f.limit;
  const edges: GraphEdge[] = rows.slice(0, f.limit).map((r) => {
    const calls = Number(r.calls), messages = Number(r.messages);
    return { source: r.target, target: r.number, calls, messages, weight: calls + messages, first: r.first_at, last: r.last_at };
  });
  // The database orders ties by its collation; the answer is in code-point order on every engine.
  edges.sort((a, b) => b.weight - a.weight || cmp(a.source, b.source) || cmp(a.target, b.target));
  const kindOf = new Map<string, string>();
  for (const r of rows.slice(0, f.limit)) kindOf.set(r.number, minKind(kindOf.get(r.number), r.kind ?? "e164"));
  const targets = await caseTargets(db, caseId);
  const nodes = new Map<string, GraphNode & { linkedBy: Set<string> }>();
  const node = (id: string) => {
    let n = nodes.get(id);
    if (!n) {
      const isTarget = targets.has(id);
      n = { id, label: id, kind: isTarget ? "target" : (kindOf.get(id) ?? "e164"), target: isTarget, common: false, events: 0, linkedBy: new Set() };
      nodes.set(id, n);
    }
    return n;
  };
  for (const e of edges) {
    node(e.source).events += e.weight;
    const n = node(e.target);
    n.events += e.weight;
    n.linkedBy.add(e.source);
  }
  const list = [...nodes.values()]
    .map(({ linkedBy, ...n }) => ({ ...n, common: linkedBy.size >= 2 }))
    // Targets first, then the most events, then by id.
    .sort((a, b) => Number(b.target) - Number(a.target) || b.events - a.events || cmp(a.id, b.id));
  return { nodes: list, edges, truncated };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** The smallest kind name wins, as the contacts recount's MIN(kind) does. */
const minKind = (a: string | undefined, b: string) => (a === undefined || b < a ? b : a);

/** The case's targets (records without a target, grouped under "", are none). */
async function caseTargets(db: Db, caseId: number): Promise<Set<string>> {
  const rows = await db.$queryRaw<{ target: string }[]>`SELECT DISTINCT target FROM contacts WHERE case_id = ${caseId} AND target <> ''`;
  return new Set(rows.map((r) => r.target));
}

async function contactEdges(db: Db, caseId: number, f: CaseGraphFilter): Promise<EdgeRow[]> {
  return db.$queryRaw<EdgeRow[]>`
    SELECT target, number, kind, calls, messages, first_seen AS first_at, last_seen AS last_at
    FROM contacts
    WHERE case_id = ${caseId} AND target <> '' AND calls + messages >= ${f.minWeight}
    ORDER BY calls + messages DESC, target ASC, number ASC
    LIMIT ${f.limit + 1}`;
}

async function recordEdges(db: Db, caseId: number, f: CaseGraphFilter): Promise<EdgeRow[]> {
  const conditions = [Prisma.sql`case_id = ${caseId}`, Prisma.sql`target <> ''`, Prisma.sql`duplicate_of IS NULL`];
  if (f.from !== undefined) conditions.push(Prisma.sql`start_time >= ${graphRangeStart(f.from)}`);
  if (f.to !== undefined) conditions.push(Prisma.sql`start_time <= ${graphRangeEnd(f.to)}`);
  if (f.type !== undefined) conditions.push(Prisma.sql`record_type = ${f.type}`);
  const where = Prisma.join(conditions, " AND ");
  return db.$queryRaw<EdgeRow[]>`
    SELECT target, number, kind, calls, messages, first_at, last_at FROM (
      SELECT target, number, MIN(kind) AS kind,
             SUM(CASE WHEN record_type = 'voice' THEN 1 ELSE 0 END) AS calls,
             SUM(CASE WHEN record_type IN ('sms', 'mms') THEN 1 ELSE 0 END) AS messages,
             MIN(start_time) AS first_at, MAX(start_time) AS last_at
      FROM (${partySql(db, where)}) e
      WHERE number IS NOT NULL AND number <> target
      GROUP BY target, number
    ) g
    WHERE calls + messages >= ${f.minWeight}
    ORDER BY calls + messages DESC, target ASC, number ASC
    LIMIT ${f.limit + 1}`;
}

/**
 * Each counted record's (target, other party, its kind, start time, type), by the rule the
 * engine's contacts post-load uses, so a filter that admits everything gives the contacts' edges:
 * - SQLite (refreshContactsSqlite, the job scan): the callee when the target is the caller, else
 *   the caller (E.164, else the raw value) — one party per record.
 * - PostgreSQL (recountContactsPg): both parties, each unless it is the target — the same for a
 *   record the target made or received, but a record neither end of which is the target (a
 *   forwarded leg) gives both ends.
 * Either statement runs on both engines; only the choice follows the engine.
 */
function partySql(db: Db, where: Prisma.Sql): Prisma.Sql {
  if (dbEngine(db) === "postgres") {
    return Prisma.sql`
      SELECT target, COALESCE(caller, caller_raw) AS number, caller_kind AS kind, start_time, record_type FROM call_records WHERE ${where}
      UNION ALL
      SELECT target, COALESCE(callee, callee_raw) AS number, callee_kind AS kind, start_time, record_type FROM call_records WHERE ${where}`;
  }
  return Prisma.sql`
    SELECT target,
           CASE WHEN caller = target THEN COALESCE(callee, callee_raw) ELSE COALESCE(caller, caller_raw) END AS number,
           CASE WHEN caller = target THEN callee_kind ELSE caller_kind END AS kind,
           start_time, record_type
    FROM call_records WHERE ${where}`;
}

/** XML text or attribute value. */
const xml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "\ufffd");

/**
 * The graph as GraphML (Gephi, i2 Analyst's Notebook, yEd): node attributes label, kind, target,
 * common, events; edge attributes calls, messages, weight, first, last. Directed: target → number.
 */
export function caseGraphToGraphml(g: CaseGraphResponse, caseId: number): string {
  const keys: [id: string, forWhat: "node" | "edge", name: string, type: string][] = [
    ["label", "node", "label", "string"],
    ["kind", "node", "kind", "string"],
    ["target", "node", "target", "boolean"],
    ["common", "node", "common", "boolean"],
    ["events", "node", "events", "long"],
    ["calls", "edge", "calls", "long"],
    ["messages", "edge", "messages", "long"],
    ["weight", "edge", "weight", "double"],
    ["first", "edge", "first", "string"],
    ["last", "edge", "last", "string"],
  ];
  const out = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">`,
    ...keys.map(([id, forWhat, name, type]) => `  <key id="${id}" for="${forWhat}" attr.name="${name}" attr.type="${type}"/>`),
    `  <graph id="case-${caseId}" edgedefault="directed">`,
  ];
  const data = (key: string, v: string | number | boolean) => `<data key="${key}">${xml(String(v))}</data>`;
  for (const n of g.nodes) {
    out.push(`    <node id="${xml(n.id)}">${data("label", n.label)}${data("kind", n.kind)}${data("target", n.target)}${data("common", n.common)}${data("events", n.events)}</node>`);
  }
  g.edges.forEach((e, i) => {
    out.push(
      `    <edge id="e${i}" source="${xml(e.source)}" target="${xml(e.target)}">${data("calls", e.calls)}${data("messages", e.messages)}${data("weight", e.weight)}${data("first", e.first)}${data("last", e.last)}</edge>`,
    );
  });
  out.push(`  </graph>`, `</graphml>`, "");
  return out.join("\n");
}

export const NEO4J_NODES_HEADER = "id:ID,label,kind,:LABEL";
export const NEO4J_RELATIONSHIPS_HEADER = ":START_ID,:END_ID,calls:int,messages:int,weight:int,first,last,:TYPE";

/**
 * The graph as `neo4j-admin database import` CSV files: nodes.csv (label Target or Number, plus
 * Common for common contacts) and relationships.csv (type CONTACTED, target → number). Cells are
 * quoted and formula-neutralised as the records CSV export does (phone numbers stay as they are).
 */
export function caseGraphToNeo4jCsv(g: CaseGraphResponse): { nodes: string; relationships: string } {
  const line = (cells: unknown[]) => cells.map(csvCell).join(",");
  const nodes = [NEO4J_NODES_HEADER, ...g.nodes.map((n) => line([n.id, n.label, n.kind, [n.target ? "Target" : "Number", ...(n.common ? ["Common"] : [])].join(";")]))];
  const relationships = [
    NEO4J_RELATIONSHIPS_HEADER,
    ...g.edges.map((e) => line([e.source, e.target, e.calls, e.messages, e.weight, e.first, e.last, "CONTACTED"])),
  ];
  return { nodes: nodes.join("\n") + "\n", relationships: relationships.join("\n") + "\n" };
}

/** nodes.csv and relationships.csv in one zip. */
export function caseGraphToNeo4jZip(g: CaseGraphResponse): Buffer {
  const csv = caseGraphToNeo4jCsv(g);
  return zipFiles([
    { name: "nodes.csv", data: csv.nodes },
    { name: "relationships.csv", data: csv.relationships },
  ]);
}
