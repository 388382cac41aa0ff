import { caseGraph, caseGraphToGraphml, caseGraphToNeo4jZip } from "@/lib/data/case-graph";
import { caseGraphQuerySchema } from "@/lib/schemas/analytics";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/**
 * The case's link chart (issue 21): its targets and their contacts as one graph, as JSON, GraphML
 * or Neo4j import CSVs (a zip). caseId required: a non-member gets the case's not_found. The two
 * file formats are exports, written to the audit log like the records export.
 */
export const GET = route(
  {
    query: caseGraphQuerySchema,
    caseAccess: "scope",
    audit: ({ query }) => (query.format === "json" ? null : { action: "export", subject: { type: "graph", id: `case:${query.caseId}` }, detail: query }),
  },
  async ({ runtime, query }) => {
    const { caseId, format, ...filter } = query;
    const graph = await caseGraph(runtime.db, caseId, filter);
    if (format === "graphml") {
      return new Response(caseGraphToGraphml(graph, caseId), {
        headers: { "content-type": "application/graphml+xml; charset=utf-8", "content-disposition": `attachment; filename="switchyard-case-${caseId}-graph.graphml"` },
      });
    }
    if (format === "neo4j") {
      return new Response(new Uint8Array(caseGraphToNeo4jZip(graph)), {
        headers: { "content-type": "application/zip", "content-disposition": `attachment; filename="switchyard-case-${caseId}-neo4j.zip"` },
      });
    }
    return graph;
  },
);
