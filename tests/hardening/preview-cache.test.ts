import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as preview } from "../../app/api/ingestion/jobs/[id]/preview/route";
import { createSession } from "../../lib/auth/session";
import { loadConfig, type AppConfig } from "../../lib/config";
import { getDb, type Db } from "../../lib/db/prisma";
import { createJob } from "../../lib/jobs/job-commands";
import type { QueuePort } from "../../lib/jobs/queue-port";
import { runPreviewTask } from "../../lib/jobs/preview-task";
import { decryptions } from "../../lib/security/decrypt-file";
import { prepareDataDir } from "../../lib/server/data-dir";
import { setRuntime, type Runtime } from "../../lib/server/runtime";
import { saveUploadStream } from "../../lib/storage/save-upload";
import { createUserInDb } from "../support/factories";
import { tempDataDir } from "../support/temp-db";

/**
 * Issue 19: mapping previews are cheap. The route runs in-process on a real SQLite file with a
 * real session and a real encrypted upload; the runtime's previewMapping runs the worker's task
 * in this thread, so the decryption counter sees every decryption.
 */
const tmp = tempDataDir("switchyard-preview-");
const savedDataDir = process.env.DATA_DIR;
let config: AppConfig;
let db: Db;
let jobId = "";
let tasks = 0;

async function userCookie(): Promise<string> {
  const user = await createUserInDb(db, "admin");
  return `sy_session=${(await createSession(db, user.id)).token}`;
}

function post(cookie: string, body: unknown = null) {
  const req = new Request(`http://127.0.0.1:3000/api/ingestion/jobs/${jobId}/preview`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json" },
    body: body === null ? "" : JSON.stringify(body),
  });
  return preview(req, { params: Promise.resolve({ id: jobId }) });
}

/** A ~30 MB CSV of calls (big enough that decrypting it whole would show). */
function bigCsv(): Buffer {
  const lines = ["Start Time,Caller,Callee,Duration"];
  for (let i = 0; i < 400_000; i++)
    lines.push(`2024-01-${String(1 + (i % 28)).padStart(2, "0")} 10:${String(i % 60).padStart(2, "0")}:00,+1212555${String(i % 10_000).padStart(4, "0")},+17135550100,${i % 600}`);
  return Buffer.from(lines.join("\n") + "\n");
}

beforeAll(async () => {
  process.env.DATA_DIR = tmp.dir;
  config = loadConfig({ DATA_DIR: tmp.dir, PREVIEW_RATE_PER_MINUTE: "30" } as unknown as NodeJS.ProcessEnv);
  await prepareDataDir(config);
  db = getDb(config.databaseUrl);
  const runtime = {
    config,
    db,
    queue: { depth: 0 } as unknown as QueuePort,
    events: { progress() {}, updated() {}, casesChanged() {} },
    previewMapping: async (input: Parameters<typeof runPreviewTask>[0]) => {
      tasks++;
      // A structured clone, as piscina hands the input to a worker thread.
      return structuredClone(await runPreviewTask(structuredClone(input)));
    },
  } as unknown as Runtime;
  setRuntime(runtime);
  const csv = bigCsv();
  const stored = await saveUploadStream(Readable.from([csv]), config.uploadsDir, 1024 ** 3);
  expect(fs.readFileSync(stored.storedPath).subarray(0, 8).toString("latin1")).toBe("SWYENC01");
  const job = await createJob(db, { fileName: "calls.csv", storedPath: stored.storedPath, sha256: stored.sha256, sizeBytes: stored.sizeBytes });
  jobId = job.id;
});
afterAll(async () => {
  await db?.$disconnect();
  if (savedDataDir === undefined) delete process.env.DATA_DIR;
  else process.env.DATA_DIR = savedDataDir;
  tmp.cleanup();
});

const workDir = () => path.join(tmp.dir, "work");
const workFiles = () => (fs.existsSync(workDir()) ? fs.readdirSync(workDir()) : []);

describe("mapping previews", () => {
  it("10 concurrent previews of a 30 MB upload decrypt once (256 KB, in memory) and leave no plaintext on disk", async () => {
    const cookie = await userCookie();
    const seen = new Set<string>();
    const watch = setInterval(() => workFiles().forEach((f) => seen.add(f)), 1);
    const before = { ...decryptions };
    const t0 = performance.now();
    const answers = await Promise.all(Array.from({ length: 10 }, () => post(cookie)));
    const ms = performance.now() - t0;
    clearInterval(watch);
    console.info(`10 concurrent previews in ${ms.toFixed(0)} ms`);
    for (const res of answers) expect(res.status).toBe(200);
    const bodies = (await Promise.all(answers.map((r) => r.json()))) as { headers: string[]; rows: unknown[]; source?: unknown }[];
    for (const b of bodies) {
      expect(b.headers).toEqual(["Start Time", "Caller", "Callee", "Duration"]);
      expect(b.rows).toHaveLength(20);
      expect(b.source).toBeUndefined(); // the cached sample never reaches the browser
    }
    expect(decryptions.prefixes - before.prefixes).toBe(1);
    expect(decryptions.files - before.files).toBe(0);
    expect(tasks).toBe(10);
    expect([...seen]).toEqual([]);
    expect(workFiles()).toEqual([]);

    // A draft mapping (same header row) is served from the cache too; another header row reads once more.
    const draft = {
      columns: [
        { index: 0, field: "start_time" },
        { index: 1, field: "caller" },
        { index: 2, field: "callee" },
        { index: 3, field: "duration_seconds", format: "seconds" },
      ],
      timezone: "UTC",
    };
    expect((await post(cookie, draft)).status).toBe(200);
    expect(decryptions.prefixes - before.prefixes).toBe(1);
    expect((await post(cookie, { ...draft, headerLine: 1 })).status).toBe(200);
    expect((await post(cookie, { ...draft, headerLine: 1 })).status).toBe(200);
    expect(decryptions.prefixes - before.prefixes).toBe(2);
    expect(decryptions.files - before.files).toBe(0);
  });

  it("the 31st preview in a minute gets 429 rate_limited with a sentence and Retry-After", async () => {
    const cookie = await userCookie();
    for (let i = 0; i < 30; i++) expect((await post(cookie)).status).toBe(200);
    const res = await post(cookie);
    expect(res.status).toBe(429);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("rate_limited");
    expect(body.error.message).toMatch(/more than 30 mapping previews in the last minute; wait \d+ seconds? and try again/);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    // Another user is not held back by the first one's previews.
    expect((await post(await userCookie())).status).toBe(200);
  });
});
