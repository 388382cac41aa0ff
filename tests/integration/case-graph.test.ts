import JSZip from "jszip";
import { SaxesParser } from "saxes";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as graphRoute } from "../../app/api/analytics/graph/route";
import { NO_SUCH_CASE } from "../../lib/data/case-access";
import { caseGraph, caseGraphToGraphml, caseGraphToNeo4jCsv, NEO4J_NODES_HEADER, NEO4J_RELATIONSHIPS_HEADER } from "../../lib/data/case-graph";
import { caseGraphResponseSchema } from "../../lib/schemas/analytics";
import { recountCaseGraph, type GraphRecountFilter } from "../support/case-graph-recount";
import { caseSqliteHarness } from "../support/case-sqlite";
import { COMMON_CONTACTS_MAPPING, T2, TARGETS, type StoredRecord } from "../support/common-contacts-files";
import { STORED_RECORD_COLUMNS, loadCommonContactsFiles, memberAndOutsider } from "../support/analytics-case";

/**
 * Issue 21, the link chart on a real SQLite file: the three targets' files of the common-contacts
 * test loaded through the real loader, the graph checked against a recount from call_records with
 * and without filters, its GraphML and Neo4j exports, and the route's access and validation.
 */
const { tmp, db, read, newCase, load } = caseSqliteHarness();
let caseId = 0;
let memberCookie = "";
let outsiderCookie = "";

const storedRecords = (c: number) => read.prepare(`SELECT ${STORED_RECORD_COLUMNS} FROM call_records WHERE case_id = ? AND duplicate_of IS NULL`).all(c) as StoredRecord[];

beforeAll(async () => {
  caseId = await newCase("link chart");
  await loadCommonContactsFiles(`${tmp.dir}/graph`, async (file) => (await load(file, caseId, undefined, COMMON_CONTACTS_MAPPING)).outcome);
  ({ memberCookie, outsiderCookie } = await memberAndOutsider(db, caseId));
}, 60_000);

const graph = (f: GraphRecountFilter = {}) => caseGraph(db, caseId, { minWeight: 1, limit: 2000, ...f } as Parameters<typeof caseGraph>[2]);

async function get(query: string, cookie = memberCookie) {
  return graphRoute(new Request(`http://127.0.0.1/api/analytics/graph?${query}`, { headers: { cookie } }), { params: Promise.resolve({}) });
}

describe("the link chart of a case loaded through the real loader", () => {
  it("edges and nodes equal a recount from call_records (no filter: read from contacts)", async () => {
    const records = storedRecords(caseId);
    expect(records).toHaveLength(49);
    const got = await graph();
    expect(caseGraphResponseSchema.parse(got)).toEqual(got);
    expect(got).toEqual(recountCaseGraph(records));
    expect(got.truncated).toBe(false);
    // 6 + 4 + 6 (target, number) pairs; every edge's endpoints are nodes.
    expect(got.edges).toHaveLength(16);
    const ids = new Set(got.nodes.map((n) => n.id));
    for (const e of got.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
    expect(got.edges.reduce((s, e) => s + e.weight, 0)).toBe(49);
  });

  it("marks targets and common contacts: T2 is one node, a target that T1 and T3 talk to", async () => {
    const got = await graph();
    const byId = new Map(got.nodes.map((n) => [n.id, n]));
    const [t1, t2, t3] = TARGETS as [string, string, string];
    expect(
      got.nodes
        .filter((n) => n.target)
        .map((n) => n.id)
        .sort(),
    ).toEqual([t1, t2, t3].sort());
    expect(byId.get(`+1${T2}`)).toMatchObject({ kind: "target", target: true, common: true });
    expect(byId.get("+13125550111")).toMatchObject({ kind: "e164", target: false, common: true, events: 12 });
    expect(byId.get("Restricted")).toMatchObject({ kind: "withheld", common: true, events: 3 });
    expect(byId.get("+19175550121")).toMatchObject({ common: false, events: 4 });
    expect(byId.get("+13035550166")).toMatchObject({ common: false, events: 8 });
    expect(
      got.nodes
        .filter((n) => n.common)
        .map((n) => n.id)
        .sort(),
    ).toEqual(["+12025550133", "+13125550111", "+14155550190", "+16175550123", `+1${T2}`, "Restricted"].sort());
    expect(got.nodes.find((n) => n.id === t1)).toMatchObject({ kind: "target", common: false, events: 20 });
  });

  it("a filter that admits every record gives the contacts' graph (the record path and the contacts path agree)", async () => {
    expect(await graph({ from: "2000-01-01" })).toEqual(await graph());
    expect(await graph({ to: "2100-12-31T00:00:00Z" })).toEqual(await graph());
  });

  it("date, type, minWeight and limit narrow the graph as a recount does", async () => {
    const records = storedRecords(caseId);
    // The files span hours of one day: dates select all or nothing, date-times split it.
    const days = [...new Set(records.map((r) => r.start_time.slice(0, 10)))].sort();
    expect(days).toEqual(["2024-03-01"]);
    const times = records.map((r) => r.start_time).sort();
    const mid = times[Math.floor(times.length / 2)]!;
    const q1 = times[Math.floor(times.length / 4)]!;
    const filters: GraphRecountFilter[] = [
      { from: "2024-03-01", to: "2024-03-01" },
      { from: "2024-03-02" },
      { to: "2024-02-29" },
      { from: mid },
      { to: mid },
      { from: q1, to: mid },
      // Offsets and milliseconds: 12:00:00.500+01:00 is 11:00:00.5Z, so from it admits 11:00:01Z on.
      { from: "2024-03-01T12:00:00.500+01:00", to: "2024-03-01T15:30:00-02:00" },
      { type: "voice" },
      { type: "sms" },
      { type: "data" },
      { type: "data", minWeight: 0 },
      { minWeight: 3 },
      { minWeight: 100 },
      { type: "voice", from: q1, minWeight: 2 },
      { limit: 3 },
      { limit: 3, type: "voice" },
    ];
    const all = await graph();
    for (const f of filters) {
      const got = await graph(f);
      expect(got, JSON.stringify(f)).toEqual(recountCaseGraph(records, f));
      // Every filter only narrows: each edge is at most the unfiltered edge's counts.
      for (const e of got.edges) {
        const whole = all.edges.find((a) => a.source === e.source && a.target === e.target)!;
        expect(whole, JSON.stringify(f)).toBeDefined();
        expect(e.calls <= whole.calls && e.messages <= whole.messages && e.first >= whole.first && e.last <= whole.last, JSON.stringify(f)).toBe(true);
      }
    }
    expect(await graph({ from: "2024-03-01", to: "2024-03-01" })).toEqual(all);
    expect(await graph({ from: "2024-03-02" })).toEqual({ nodes: [], edges: [], truncated: false });
    const late = await graph({ from: mid });
    expect(late.edges.length).toBeGreaterThan(0);
    for (const e of late.edges) expect(e.first >= mid).toBe(true);
    const early = await graph({ to: mid });
    for (const e of early.edges) expect(e.last <= mid).toBe(true);
    expect(late.edges.reduce((s, e) => s + e.weight, 0) + early.edges.reduce((s, e) => s + e.weight, 0)).toBe(49 + records.filter((r) => r.start_time === mid).length);
    const voice = await graph({ type: "voice" });
    expect(voice.edges.every((e) => e.messages === 0 && e.calls > 0)).toBe(true);
    const sms = await graph({ type: "sms" });
    expect(sms.edges.every((e) => e.calls === 0 && e.messages > 0)).toBe(true);
    expect((await graph({ type: "data" })).edges).toEqual([]);
    expect((await graph({ minWeight: 3 })).edges.every((e) => e.weight >= 3)).toBe(true);
    const top = await graph({ limit: 3 });
    expect(top.truncated).toBe(true);
    expect(top.edges).toEqual(all.edges.slice(0, 3));
  });

  it("counts only this case", async () => {
    const other = await newCase("another case");
    await db.contact.create({
      data: { caseId: other, target: TARGETS[0]!, number: "+13125550111", kind: null, firstSeen: "2024-01-01T00:00:00Z", lastSeen: "2024-01-01T00:00:00Z", calls: 50, messages: 0 },
    });
    expect(await graph()).toEqual(recountCaseGraph(storedRecords(caseId)));
    expect((await caseGraph(db, other, { minWeight: 1, limit: 10 })).edges).toHaveLength(1);
  });
});

describe("GET /api/analytics/graph", () => {
  it("answers JSON by default", async () => {
    const res = await get(`caseId=${caseId}&minWeight=2`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(await graph({ minWeight: 2 }));
  });

  it("exports well-formed GraphML with declared keys, every node and edge, endpoints that exist; audited", async () => {
    const before = await db.auditEvent.count({ where: { action: "export", subjectType: "graph" } });
    const res = await get(`caseId=${caseId}&format=graphml&type=voice`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/graphml\+xml/);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="switchyard-case-${caseId}-graph.graphml"`);
    const text = await res.text();
    const expected = await graph({ type: "voice" });
    const keys = new Map<string, string>();
    const nodes: string[] = [];
    const edges: { source: string; target: string; data: Record<string, string> }[] = [];
    let dataKey: string | null = null;
    const parser = new SaxesParser({ xmlns: true });
    parser.on("error", (e) => {
      throw e;
    });
    parser.on("opentag", (t) => {
      const a = (n: string) => String(t.attributes[n]?.value ?? "");
      expect(t.uri).toBe("http://graphml.graphdrawing.org/xmlns");
      if (t.local === "key") keys.set(a("id"), a("for"));
      if (t.local === "node") nodes.push(a("id"));
      if (t.local === "edge") edges.push({ source: a("source"), target: a("target"), data: {} });
      if (t.local === "data") dataKey = a("key");
    });
    parser.on("text", (s) => {
      if (dataKey && edges.length) edges[edges.length - 1]!.data[dataKey] = (edges[edges.length - 1]!.data[dataKey] ?? "") + s;
    });
    parser.on("closetag", (t) => {
      if (t.local === "data") dataKey = null;
    });
    parser.write(text).close();
    for (const k of ["label", "kind", "target", "common", "events"]) expect(keys.get(k), k).toBe("node");
    for (const k of ["calls", "messages", "weight", "first", "last"]) expect(keys.get(k), k).toBe("edge");
    expect(nodes.sort()).toEqual(expected.nodes.map((n) => n.id).sort());
    expect(edges).toHaveLength(expected.edges.length);
    const ids = new Set(nodes);
    for (const e of edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
    expect(edges.map((e) => [e.source, e.target, Number(e.data.calls), Number(e.data.messages), Number(e.data.weight), e.data.first, e.data.last])).toEqual(
      expected.edges.map((e) => [e.source, e.target, e.calls, e.messages, e.weight, e.first, e.last]),
    );
    const entry = await db.auditEvent.findFirst({ where: { action: "export", subjectType: "graph" }, orderBy: { id: "desc" } });
    expect(entry?.subjectId).toBe(`case:${caseId}`);
    expect(await db.auditEvent.count({ where: { action: "export", subjectType: "graph" } })).toBe(before + 1);
  });

  it("exports a zip of nodes.csv and relationships.csv with neo4j-admin import headers; audited", async () => {
    const before = await db.auditEvent.count({ where: { action: "export", subjectType: "graph" } });
    const res = await get(`caseId=${caseId}&format=neo4j`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="switchyard-case-${caseId}-neo4j.zip"`);
    const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
    expect(Object.keys(zip.files).sort()).toEqual(["nodes.csv", "relationships.csv"]);
    const nodes = (await zip.file("nodes.csv")!.async("string")).trimEnd().split("\n");
    const rels = (await zip.file("relationships.csv")!.async("string")).trimEnd().split("\n");
    expect(nodes[0]).toBe("id:ID,label,kind,:LABEL");
    expect(nodes[0]).toBe(NEO4J_NODES_HEADER);
    expect(rels[0]).toBe(":START_ID,:END_ID,calls:int,messages:int,weight:int,first,last,:TYPE");
    expect(rels[0]).toBe(NEO4J_RELATIONSHIPS_HEADER);
    const g = await graph();
    expect(nodes).toHaveLength(g.nodes.length + 1);
    expect(rels).toHaveLength(g.edges.length + 1);
    expect(nodes).toContain(`+1${T2},+1${T2},target,Target;Common`);
    expect(nodes).toContain("Restricted,Restricted,withheld,Number;Common");
    const e = g.edges[0]!;
    expect(rels[1]).toBe(`${e.source},${e.target},${e.calls},${e.messages},${e.weight},${e.first},${e.last},CONTACTED`);
    expect(await db.auditEvent.count({ where: { action: "export", subjectType: "graph" } })).toBe(before + 1);
  });

  it("the JSON answer is not audited", async () => {
    const before = await db.auditEvent.count({ where: { subjectType: "graph" } });
    expect((await get(`caseId=${caseId}`)).status).toBe(200);
    expect(await db.auditEvent.count({ where: { subjectType: "graph" } })).toBe(before);
  });

  it("answers a non-member exactly as for a case that does not exist, in every format", async () => {
    for (const format of ["json", "graphml", "neo4j"]) {
      const refused = await get(`caseId=${caseId}&format=${format}`, outsiderCookie);
      const missing = await get(`caseId=999999&format=${format}`);
      expect(refused.status).toBe(404);
      expect(await refused.json()).toEqual({ error: { code: "not_found", message: NO_SUCH_CASE } });
      expect(missing.status).toBe(404);
    }
  });

  it("refuses unknown parameters and bad values (400)", async () => {
    for (const q of [
      "",
      `caseId=${caseId}&case=${caseId}`,
      `caseId=${caseId}&minweight=2`,
      `caseId=${caseId}&format=csv`,
      `caseId=${caseId}&type=fax`,
      `caseId=${caseId}&from=yesterday`,
      `caseId=${caseId}&from=2024-03-02&to=2024-03-01`,
      `caseId=${caseId}&minWeight=-1`,
      `caseId=${caseId}&limit=0`,
      `caseId=${caseId}&limit=20001`,
    ]) {
      const res = await get(q);
      expect(res.status, q).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code, q).toBe("bad_request");
    }
    expect((await get(`caseId=${caseId}&from=2024-03-01&to=2024-03-01&type=sms&minWeight=0&limit=20000`)).status).toBe(200);
  });

  it("refuses a caller who is not signed in", async () => {
    expect((await get(`caseId=${caseId}`, "")).status).toBe(401);
  });
});

describe("export encoding", () => {
  const hostile = {
    nodes: [
      { id: "+15550000001", label: "+15550000001", kind: "target", target: true, common: false, events: 1 },
      { id: `=HYPERLINK("x")<&>'`, label: `=HYPERLINK("x")<&>'`, kind: "alphanumeric", target: false, common: false, events: 1 },
    ],
    edges: [{ source: "+15550000001", target: `=HYPERLINK("x")<&>'`, calls: 1, messages: 0, weight: 1, first: "2024-01-01T00:00:00Z", last: "2024-01-01T00:00:00Z" }],
    truncated: false,
  };

  it("escapes XML in GraphML ids and values", () => {
    const text = caseGraphToGraphml(hostile, 7);
    const ids: string[] = [];
    const parser = new SaxesParser({ xmlns: true });
    parser.on("opentag", (t) => {
      if (t.local === "node") ids.push(String(t.attributes.id?.value));
      if (t.local === "edge") ids.push(String(t.attributes.target?.value));
    });
    parser.write(text).close();
    expect(ids).toEqual(["+15550000001", `=HYPERLINK("x")<&>'`, `=HYPERLINK("x")<&>'`]);
  });

  it("quotes CSV cells and neutralises formulas the way the records export does, keeping ids consistent", () => {
    const csv = caseGraphToNeo4jCsv(hostile);
    const cell = `"'=HYPERLINK(""x"")<&>'"`;
    expect(csv.nodes.split("\n")[2]).toBe(`${cell},${cell},alphanumeric,Number`);
    expect(csv.relationships.split("\n")[1]).toBe(`+15550000001,${cell},1,0,1,2024-01-01T00:00:00Z,2024-01-01T00:00:00Z,CONTACTED`);
  });
});
