import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as graphRoute } from "../../app/api/analytics/graph/route";
import { NO_SUCH_CASE } from "../../lib/data/case-access";
import { caseGraph, NEO4J_NODES_HEADER, NEO4J_RELATIONSHIPS_HEADER } from "../../lib/data/case-graph";
import type { Db } from "../../lib/db/prisma";
import { recountCaseGraph, type GraphRecountFilter } from "../support/case-graph-recount";
import { T2 } from "../support/common-contacts-files";
import { pgAnalyticsCase, type PgAnalyticsCase } from "../support/analytics-case";

/**
 * Issue 21, the link chart on PostgreSQL: the common-contacts files through the real loader
 * (executeJob → COPY sink → per-target contacts recount), the graph from contacts and from the
 * records (filters) checked against a recount from call_records. Skips when PostgreSQL cannot be reached.
 */
const pgcase = await pgAnalyticsCase("case_graph", "link chart");
const pgdb = pgcase.available;
let db: Db;
let caseId = 0;
let memberCookie = "";
let outsiderCookie = "";
let storedRecords: PgAnalyticsCase["storedRecords"];

beforeAll(async () => {
  if (!pgdb) return;
  ({ db, caseId, memberCookie, outsiderCookie, storedRecords } = await pgcase.load());
}, 120_000);

const graph = (f: GraphRecountFilter = {}) => caseGraph(db, caseId, { minWeight: 1, limit: 2000, ...f } as Parameters<typeof caseGraph>[2]);

async function get(query: string, cookie = memberCookie) {
  return graphRoute(new Request(`http://127.0.0.1/api/analytics/graph?${query}`, { headers: { cookie } }), { params: Promise.resolve({}) });
}

describe.skipIf(!pgdb)("the link chart on PostgreSQL", () => {
  it("equals a recount from call_records, from contacts and from the records", async () => {
    const records = await storedRecords(caseId);
    expect(records).toHaveLength(49);
    const all = await graph();
    expect(all).toEqual(recountCaseGraph(records));
    expect(all.edges).toHaveLength(16);
    expect(all.nodes.find((n) => n.id === `+1${T2}`)).toMatchObject({ kind: "target", target: true, common: true });
    expect(all.nodes.find((n) => n.id === "Restricted")).toMatchObject({ kind: "withheld", common: true });
    // A filter that admits everything reads the records, and agrees with contacts.
    expect(await graph({ from: "2000-01-01" })).toEqual(all);
    const times = records.map((r) => r.start_time).sort();
    const mid = times[Math.floor(times.length / 2)]!;
    for (const f of [
      { from: mid },
      { to: mid },
      { type: "voice" },
      { type: "sms" },
      { type: "data", minWeight: 0 },
      { minWeight: 3 },
      { limit: 3 },
      { type: "voice", from: mid, minWeight: 2 },
    ] as GraphRecountFilter[]) {
      expect(await graph(f), JSON.stringify(f)).toEqual(recountCaseGraph(records, f));
    }
  });

  it("the route answers JSON, GraphML and the Neo4j zip to a member, 404 to a non-member", async () => {
    const json = await get(`caseId=${caseId}`);
    expect(json.status).toBe(200);
    expect(await json.json()).toEqual(await graph());
    const graphml = await get(`caseId=${caseId}&format=graphml`);
    expect(graphml.status).toBe(200);
    expect(graphml.headers.get("content-type")).toMatch(/^application\/graphml\+xml/);
    expect((await graphml.text()).split("<edge ").length - 1).toBe(16);
    const zip = await JSZip.loadAsync(Buffer.from(await (await get(`caseId=${caseId}&format=neo4j`)).arrayBuffer()));
    expect((await zip.file("nodes.csv")!.async("string")).split("\n")[0]).toBe(NEO4J_NODES_HEADER);
    expect((await zip.file("relationships.csv")!.async("string")).split("\n")[0]).toBe(NEO4J_RELATIONSHIPS_HEADER);
    expect(await db.auditEvent.count({ where: { action: "export", subjectType: "graph" } })).toBe(2);
    const refused = await get(`caseId=${caseId}`, outsiderCookie);
    expect(refused.status).toBe(404);
    expect(await refused.json()).toEqual({ error: { code: "not_found", message: NO_SUCH_CASE } });
  });
});
