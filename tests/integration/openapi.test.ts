import fs from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { GET as openApiRoute } from "../../app/api/openapi.json/route";
import packageJson from "../../package.json";
import { buildOpenApiDocument, openApiDocument, pathParamNames } from "../../lib/api-docs/openapi";
import type { OpenApiDocument, OperationObject } from "../../lib/api-docs/openapi-types";
import { API_OPERATIONS } from "../../lib/api-docs/operations";
import { createTokenBodySchema } from "../../lib/schemas/api-tokens";
import { setRuntime, type Runtime } from "../../lib/server/runtime";

/**
 * Issue 19: the OpenAPI 3.1 document is valid, complete and cannot drift from the routes. Every
 * exported method of app/api/**\/route.ts has an operation and every operation a route; the
 * document's bodies are the zod schemas the routes parse with.
 */
const API_DIR = path.resolve(import.meta.dirname, "../../app/api");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

interface RouteExport {
  key: string;
  file: string;
  /** The text of this export (up to the next one): what its route() spec says. */
  source: string;
}

/** `app/api/cases/[id]/members/route.ts` → `/api/cases/{id}/members`. */
function openApiPathOf(file: string): string {
  const rel = path.relative(API_DIR, path.dirname(file)).split(path.sep).join("/");
  return `/api/${rel}`.replace(/\[([^\]]+)\]/g, "{$1}");
}

function routeExports(): RouteExport[] {
  const files = (fs.readdirSync(API_DIR, { recursive: true }) as string[]).filter((f) => path.basename(f) === "route.ts").map((f) => path.join(API_DIR, f));
  const out: RouteExport[] = [];
  for (const file of files) {
    const text = fs.readFileSync(file, "utf8");
    const found = [...text.matchAll(/^export\s+(?:const\s+(\w+)\s*=|(?:async\s+)?function\s+(\w+)\s*\()/gm)].map((m) => ({ name: (m[1] ?? m[2])!, index: m.index }));
    found.forEach(({ name, index }, i) => {
      if (!(METHODS as readonly string[]).includes(name)) return;
      out.push({ key: `${name.toLowerCase()} ${openApiPathOf(file)}`, file: path.relative(API_DIR, file), source: text.slice(index, found[i + 1]?.index ?? text.length) });
    });
  }
  return out;
}

function operations(doc: OpenApiDocument): { key: string; op: OperationObject; path: string }[] {
  return Object.entries(doc.paths).flatMap(([p, item]) => Object.entries(item).map(([method, op]) => ({ key: `${method} ${p}`, op, path: p })));
}

const strip$schema = (json: object) => {
  const { $schema: _s, ...rest } = json as Record<string, unknown>;
  return rest;
};

describe("the OpenAPI document", () => {
  const doc = openApiDocument();

  it("is OpenAPI 3.1.0 that the official schema accepts", async () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.version).toBe(packageJson.version);
    expect(doc.servers).toEqual([{ url: "/", description: expect.any(String) }]);
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(JSON.stringify(doc)));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("gives every operation a unique id, a tag, responses, and a parameter for each path placeholder", () => {
    const ids = new Set<string>();
    const tags = new Set(doc.tags.map((t) => t.name));
    for (const { key, op, path: p } of operations(doc)) {
      expect(ids.has(op.operationId), `${key}: duplicate operationId ${op.operationId}`).toBe(false);
      ids.add(op.operationId);
      expect(tags.has(op.tags[0]!), `${key}: tag ${op.tags[0]} is not declared`).toBe(true);
      expect(Object.keys(op.responses).length, `${key} has no responses`).toBeGreaterThan(0);
      expect(
        Object.keys(op.responses).some((s) => Number(s) < 400),
        `${key} has no success response`,
      ).toBe(true);
      const inPath = (op.parameters ?? []).filter((x) => x.in === "path").map((x) => x.name);
      expect(inPath.sort(), key).toEqual(pathParamNames(p).sort());
      for (const [status, r] of Object.entries(op.responses)) {
        if (Number(status) >= 400 && Number(status) < 500) expect(r.content?.["application/json"]?.schema, `${key} ${status}`).toEqual({ $ref: "#/components/schemas/ApiError" });
      }
    }
  });

  it("resolves every $ref", () => {
    const refs: string[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) k === "$ref" && typeof x === "string" ? refs.push(x) : walk(x);
    };
    walk(doc);
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) {
      expect(ref.startsWith("#/"), ref).toBe(true);
      const target = ref
        .slice(2)
        .split("/")
        .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part.replace(/~1/g, "/").replace(/~0/g, "~")], doc);
      expect(target, `${ref} does not resolve`).toBeTypeOf("object");
    }
  });

  it("declares the three security schemes, and names no secret", () => {
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(["bearerAuth", "cookieAuth", "metricsToken"]);
    expect(doc.components.securitySchemes.cookieAuth).toMatchObject({ type: "apiKey", in: "cookie", name: "sy_session" });
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    const text = JSON.stringify(doc);
    expect(text).not.toMatch(/sy_[A-Za-z0-9_-]{20,}/);
    if (process.env.METRICS_TOKEN) expect(text).not.toContain(process.env.METRICS_TOKEN);
  });

  it("has an operation for every exported route method, and a route for every operation", () => {
    const routes = routeExports();
    expect(routes.length).toBeGreaterThan(30);
    const documented = operations(doc)
      .map((o) => o.key)
      .sort();
    expect(documented).toEqual([...new Set(documented)]);
    expect(routes.map((r) => r.key).sort()).toEqual(documented);
  });

  it("states each route's authentication and role as its route() spec does", () => {
    const byKey = new Map(operations(doc).map((o) => [o.key, o.op]));
    for (const r of routeExports()) {
      const op = byKey.get(r.key)!;
      const auth = op["x-switchyard-auth"];
      if (/\bpublicRoute\(/.test(r.source)) expect(["public", "metrics", "public-metrics"], r.key).toContain(auth);
      else if (/sessionOnly:\s*true/.test(r.source)) expect(auth, r.key).toBe("session");
      else expect(["user", "session"], r.key).toContain(auth);
      const role = /role:\s*"(analyst|reviewer|admin)"/.exec(r.source)?.[1];
      if (!/\bpublicRoute\(/.test(r.source)) expect(op["x-switchyard-role"], r.key).toBe(role ?? "analyst");
    }
  });

  it("describes request bodies with the zod schemas the routes parse", () => {
    const body = doc.paths["/api/tokens"]?.post?.requestBody;
    expect(body?.required).toBe(true);
    expect(body?.content["application/json"]?.schema).toEqual(strip$schema(z.toJSONSchema(createTokenBodySchema, { io: "input" })));
    // Every operation with a zod body: the document holds exactly its input JSON Schema.
    for (const op of API_OPERATIONS.filter((o) => o.body)) {
      const docBody = doc.paths[op.path]?.[op.method]?.requestBody?.content["application/json"]?.schema;
      expect(docBody, op.id).toEqual(strip$schema(z.toJSONSchema(op.body!, { io: "input", unrepresentable: "any" })));
    }
  });

  it("describes the multipart upload and the export formats", () => {
    const upload = doc.paths["/api/ingestion/upload"]!.post!;
    const form = upload.requestBody!.content["multipart/form-data"]!.schema as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(form.properties).sort()).toEqual(["caseId", "files"]);
    expect(form.required).toEqual(["files"]);
    expect(Object.keys(upload.responses)).toEqual(expect.arrayContaining(["202", "401", "403", "413", "429"]));
    const exportTypes = Object.keys(doc.paths["/api/records/export"]!.get!.responses["200"]!.content!);
    expect(exportTypes).toEqual(expect.arrayContaining(["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]));
  });

  it("is built the same every time (no state leaks between builds)", () => {
    expect(JSON.stringify(buildOpenApiDocument())).toBe(JSON.stringify(doc));
  });
});

describe("GET /api/openapi.json", () => {
  const holder = globalThis as unknown as { __switchyardRuntime?: Runtime };
  let previous: Runtime | undefined;
  beforeAll(() => {
    previous = holder.__switchyardRuntime;
    // No credentials are sent, so nothing reaches the database: the public route needs no real runtime.
    setRuntime({ config: { trustProxy: false } } as unknown as Runtime);
  });
  afterAll(() => {
    holder.__switchyardRuntime = previous;
  });

  it("answers the document as JSON to anyone, cacheable", async () => {
    const res = await openApiRoute(new Request("http://127.0.0.1:3000/api/openapi.json"), { params: Promise.resolve({}) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("cache-control")).toMatch(/max-age=\d+/);
    const body = (await res.json()) as OpenApiDocument;
    expect(body.openapi).toBe("3.1.0");
    expect(body).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
  });
});
