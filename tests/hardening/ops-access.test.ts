import crypto from "node:crypto";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "../../app/api/health/route";
import { GET as metrics } from "../../app/api/metrics/route";
import { createSession } from "../../lib/auth/session";
import { loadConfig, type AppConfig } from "../../lib/config";
import { getDb, type Db } from "../../lib/db/prisma";
import type { QueuePort } from "../../lib/jobs/queue-port";
import { clientAddress, PEER_ADDRESS_HEADER, stampPeerAddress } from "../../lib/server/client-address";
import { prepareDataDir } from "../../lib/server/data-dir";
import { publicRoute } from "../../lib/server/route";
import { setRuntime, type Runtime } from "../../lib/server/runtime";
import { noSocketControl } from "../../lib/server/socket-control";
import { tempDataDir } from "../support/temp-db";

/**
 * Issue 19: /api/health answers anyone only {status}; its details and /api/metrics need the
 * METRICS_TOKEN bearer or an admin session. X-Forwarded-Host/-For count only with TRUST_PROXY.
 * Route handlers are called in-process on a real SQLite file with real sessions.
 */
const tmp = tempDataDir("switchyard-ops-");
const TOKEN = "metrics-token-7f3a9c";
let config: AppConfig;
let db: Db;
let adminCookie = "";
let analystCookie = "";
const noParams = { params: Promise.resolve({}) };

async function sessionCookie(role: "admin" | "analyst"): Promise<string> {
  const id = crypto.randomUUID();
  await db.user.create({ data: { id, email: `${role}-${id.slice(0, 8)}@switchyard.test`, name: role, passwordHash: "x", role } });
  return `sy_session=${(await createSession(db, id)).token}`;
}

beforeAll(async () => {
  config = loadConfig({ DATA_DIR: tmp.dir, METRICS_TOKEN: TOKEN } as unknown as NodeJS.ProcessEnv);
  await prepareDataDir(config);
  db = getDb(config.databaseUrl);
  const queue = { depth: 0 } as unknown as QueuePort;
  const runtime: Runtime = {
    config,
    db,
    queue,
    events: { progress() {}, updated() {}, casesChanged() {} },
    sockets: noSocketControl,
    previewMapping: () => Promise.reject(new Error("unused")),
  };
  setRuntime(runtime);
  adminCookie = await sessionCookie("admin");
  analystCookie = await sessionCookie("analyst");
});
afterAll(async () => {
  await db?.$disconnect();
  tmp.cleanup();
});

const get = (url: string, headers: Record<string, string> = {}) => new Request(`http://127.0.0.1:3000${url}`, { headers });

describe("GET /api/health", () => {
  it("answers anyone with the status only, no paths or disk figures", async () => {
    const res = await health(get("/api/health"), noParams);
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(["status"]);
    expect(body.status).toBe(res.status === 200 ? "ok" : "degraded");
    expect([200, 503]).toContain(res.status);
    expect(JSON.stringify(body)).not.toContain(tmp.dir);
  });

  it("a wrong token or an analyst session still gets the status only", async () => {
    for (const headers of [{ authorization: `Bearer ${TOKEN}x` }, { authorization: "Bearer " }, { cookie: analystCookie }, { authorization: TOKEN }] as Record<string, string>[]) {
      const body = (await (await health(get("/api/health", headers), noParams)).json()) as Record<string, unknown>;
      expect(Object.keys(body)).toEqual(["status"]);
    }
  });

  it("gives the details with the METRICS_TOKEN bearer and with an admin session", async () => {
    for (const headers of [{ authorization: `Bearer ${TOKEN}` }, { cookie: adminCookie }] as Record<string, string>[]) {
      const res = await health(get("/api/health", headers), noParams);
      const body = (await res.json()) as { status: string; ok: boolean; checks: Record<string, { ok: boolean; detail: string }> };
      expect(body.status).toBe(body.ok ? "ok" : "degraded");
      expect(res.status).toBe(body.ok ? 200 : 503);
      expect(body.checks.database!.ok).toBe(true);
      expect(body.checks.uploads!.detail).toContain(tmp.dir);
    }
  });
});

describe("GET /api/metrics", () => {
  it("is 401 without credentials, with a wrong token, and for an analyst, and says nothing of the node", async () => {
    for (const headers of [{}, { authorization: `Bearer wrong-${TOKEN}` }, { cookie: analystCookie }] as Record<string, string>[]) {
      const res = await metrics(get("/api/metrics", headers), noParams);
      expect(res.status).toBe(401);
      const text = await res.text();
      expect(text).not.toMatch(/switchyard_|process_/);
    }
  });

  it("is 200 Prometheus text with the token or an admin session", async () => {
    for (const headers of [{ authorization: `Bearer ${TOKEN}` }, { cookie: adminCookie }] as Record<string, string>[]) {
      const res = await metrics(get("/api/metrics", headers), noParams);
      expect(res.status).toBe(200);
      expect(await res.text()).toMatch(/switchyard_queue_depth 0/);
    }
  });

  it("without a configured METRICS_TOKEN no bearer opens it (admin sessions only)", async () => {
    const saved = config.metricsToken;
    config.metricsToken = null;
    try {
      expect((await metrics(get("/api/metrics", { authorization: "Bearer " }), noParams)).status).toBe(401);
      expect((await metrics(get("/api/metrics", { authorization: `Bearer ${TOKEN}` }), noParams)).status).toBe(401);
      expect((await metrics(get("/api/metrics", { cookie: adminCookie }), noParams)).status).toBe(200);
    } finally {
      config.metricsToken = saved;
    }
  });
});

describe("TRUST_PROXY", () => {
  const write = publicRoute(async () => ({ ok: true }));
  const post = (headers: Record<string, string>) =>
    write(new Request("http://127.0.0.1:3000/api/anything", { method: "POST", headers: { host: "127.0.0.1:3000", ...headers } }), noParams);

  it("off (default): a cross-origin POST with a forged X-Forwarded-Host is refused; a same-origin one passes", async () => {
    expect(loadConfig({} as unknown as NodeJS.ProcessEnv).trustProxy).toBe(false);
    config.trustProxy = false;
    const forged = await post({ origin: "https://evil.example", "x-forwarded-host": "evil.example" });
    expect(forged.status).toBe(403);
    expect(await post({ origin: "http://127.0.0.1:3000", "x-forwarded-host": "evil.example" })).toHaveProperty("status", 200);
  });

  it("on: X-Forwarded-Host names the public host the browser's Origin must match", async () => {
    expect(loadConfig({ TRUST_PROXY: "1" } as unknown as NodeJS.ProcessEnv).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: "true" } as unknown as NodeJS.ProcessEnv).trustProxy).toBe(true);
    config.trustProxy = true;
    try {
      expect((await post({ origin: "https://app.example", "x-forwarded-host": "app.example" })).status).toBe(200);
      expect((await post({ origin: "https://evil.example", "x-forwarded-host": "app.example" })).status).toBe(403);
    } finally {
      config.trustProxy = false;
    }
  });

  it("clientAddress: X-Forwarded-For's last entry (the trusted proxy's) only with TRUST_PROXY, else the socket's address", () => {
    // The client wrote 198.51.100.66 itself; the proxy appended the address it really saw.
    const req = new Request("http://127.0.0.1:3000/", { headers: { "x-forwarded-for": "198.51.100.66, 203.0.113.9", [PEER_ADDRESS_HEADER]: "10.0.0.1" } });
    expect(clientAddress(req, false)).toBe("10.0.0.1");
    expect(clientAddress(req, true)).toBe("203.0.113.9");
    expect(clientAddress(new Request("http://127.0.0.1:3000/"), false)).toBeNull();
  });

  it("over real HTTP the peer header is the socket's, whatever the client sent", async () => {
    const seen: { stamped: string | null; plain: string | null; trusted: string | null }[] = [];
    const server = http.createServer((req, res) => {
      stampPeerAddress(req);
      const asRequest = new Request("http://127.0.0.1/", { headers: req.headers as Record<string, string> });
      seen.push({ stamped: clientAddress(asRequest, false), plain: clientAddress(req, false), trusted: clientAddress(req, true) });
      res.end("ok");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const { port } = server.address() as { port: number };
      await (await fetch(`http://127.0.0.1:${port}/`, { headers: { [PEER_ADDRESS_HEADER]: "198.51.100.1", "x-forwarded-for": "198.51.100.2" } })).text();
    } finally {
      server.close();
    }
    expect(seen[0]!.stamped).toMatch(/127\.0\.0\.1$/);
    expect(seen[0]!.plain).toMatch(/127\.0\.0\.1$/);
    expect(seen[0]!.trusted).toBe("198.51.100.2");
  });
});

describe("HOST", () => {
  it("defaults to loopback; HOST=0.0.0.0 is an explicit choice", () => {
    expect(loadConfig({} as unknown as NodeJS.ProcessEnv).host).toBe("127.0.0.1");
    expect(loadConfig({ HOST: "0.0.0.0" } as unknown as NodeJS.ProcessEnv).host).toBe("0.0.0.0");
  });
});
