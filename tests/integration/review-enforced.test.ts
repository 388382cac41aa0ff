import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as mappingRoute } from "../../app/api/ingestion/jobs/[id]/mapping/route";
import { createSession } from "../../lib/auth/session";
import { loadConfig } from "../../lib/config";
import { getDb, type Db } from "../../lib/db/prisma";
import { executeJob, type TaskRunner } from "../../lib/jobs/execute-job";
import { createJob } from "../../lib/jobs/job-commands";
import { silentJobEvents } from "../../lib/jobs/job-events";
import type { QueuePort } from "../../lib/jobs/queue-port";
import { runIngestTask } from "../../lib/jobs/run-ingest-task";
import type { MappingOverride } from "../../lib/schemas/mapping";
import { setRuntime, type Runtime } from "../../lib/server/runtime";
import { noSocketControl } from "../../lib/server/socket-control";
import { cdrFixtures, loadCdrTruths } from "../support/corpora";
import { addCaseMemberInDb, createCaseInDb, createUserInDb } from "../support/factories";
import { tempDataDir } from "../support/temp-db";

/**
 * Issue 18: a reviewer could confirm a file held for its unknown zone with the zone empty (47
 * records six hours off), or map two columns to Caller. The mapping route now refuses any mapping
 * that could load wrong data, with the problems per field, and saves a template only on request.
 * A real sample file, held for review by the real engine, on a real SQLite file.
 */
const dir = cdrFixtures();
const FILE = "generic-5.tsv";
const tmp = tempDataDir("switchyard-review-");
let db: Db;
let cookie = "";
let jobId = "";
const enqueued: string[] = [];
const inline: TaskRunner = (task, onProgress) => runIngestTask(task, onProgress);

beforeAll(async () => {
  if (!dir) return;
  const config = loadConfig({ DATA_DIR: tmp.dir } as unknown as NodeJS.ProcessEnv);
  db = getDb(config.databaseUrl);
  const queue = { enqueue: async (id: string) => void enqueued.push(id) } as unknown as QueuePort;
  setRuntime({ config, db, queue, events: silentJobEvents, sockets: noSocketControl, previewMapping: () => Promise.reject(new Error("unused")) } as Runtime);
  const reviewer = await createUserInDb(db, "reviewer", "rev");
  const theCase = await createCaseInDb(db, null, "Review");
  await addCaseMemberInDb(db, theCase.id, reviewer.id, "reviewer");
  cookie = `sy_session=${(await createSession(db, reviewer.id)).token}`;
  const file = path.join(dir, FILE);
  const job = await createJob(db, { fileName: FILE, storedPath: file, sha256: "t", sizeBytes: fs.statSync(file).size, caseId: theCase.id });
  jobId = job.id;
  expect((await executeJob(db, config.databaseUrl, jobId, inline, silentJobEvents))!.status).toBe("needs_review");
});
afterAll(async () => {
  await db?.$disconnect();
  tmp.cleanup();
});

async function confirm(body: MappingOverride) {
  const res = await mappingRoute(
    new Request(`http://127.0.0.1/api/ingestion/jobs/${jobId}/mapping`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify(body) }),
    { params: Promise.resolve({ id: jobId }) },
  );
  return {
    status: res.status,
    body: (await res.json()) as { error?: { code: string; message: string; details?: { problems: { code: string; on: string }[] } }; job?: { status: string } },
  };
}

describe.skipIf(!dir)("the mapping route refuses a mapping that would load wrong data", () => {
  const truth = () => loadCdrTruths(dir!).find((t) => t.file === FILE)!;
  const trueColumns = () => truth().columns.map((c) => ({ index: c.index, field: c.field as never }));

  it("the held file's reasons include its unknown zone", async () => {
    const job = await db.ingestionJob.findUnique({ where: { id: jobId }, include: { classification: true } });
    expect(JSON.parse(job!.classification!.plan).reviewReasons).toContain("The file does not say which time zone its times are in");
  });

  it("refuses an empty zone, an impossible zone and two columns on one field, per field, and changes nothing", async () => {
    const noZone = await confirm({ columns: trueColumns(), timezone: null, headerLine: truth().header_line });
    expect(noZone.status).toBe(400);
    expect(noZone.body.error!.message).toMatch(/^The mapping cannot be confirmed yet: The file does not say which time zone/);
    expect(noZone.body.error!.details!.problems.map((p) => `${p.code}@${p.on}`)).toEqual(["zone_missing@timezone"]);

    const mars = await confirm({ columns: trueColumns(), timezone: "Mars/Olympus", headerLine: truth().header_line });
    expect(mars.body.error!.details!.problems.map((p) => p.code)).toEqual(["zone_invalid"]);

    const callee = trueColumns().find((c) => c.field === "callee")!;
    const twoCallers = trueColumns().map((c) => (c.index === callee.index ? { ...c, field: "caller" as never } : c));
    const dup = await confirm({ columns: twoCallers, timezone: "America/Chicago", headerLine: truth().header_line });
    expect(dup.status).toBe(400);
    expect(dup.body.error!.details!.problems.map((p) => `${p.code}@${p.on}`)).toEqual(["duplicate_field@caller", "core_missing@callee"]);

    const job = await db.ingestionJob.findUnique({ where: { id: jobId } });
    expect(job!.status).toBe("needs_review");
    expect(job!.mapping).toBeNull();
    expect(enqueued).toEqual([]);
    expect(await db.layoutTemplate.count()).toBe(0);
  });

  it("accepts the true mapping with its zone, saving no template unless one is named", async () => {
    const ok = await confirm({ columns: trueColumns(), timezone: truth().timezone, headerLine: truth().header_line });
    expect(ok.status).toBe(200);
    expect(ok.body.job!.status).toBe("queued");
    expect(enqueued).toEqual([jobId]);
    expect(await db.layoutTemplate.count()).toBe(0);
    // Confirmed again (a re-run) with a name: now a template is saved.
    await db.ingestionJob.update({ where: { id: jobId }, data: { status: "needs_review" } });
    const named = await confirm({ columns: trueColumns(), timezone: truth().timezone, headerLine: truth().header_line, templateName: "Generic TSV" });
    expect(named.status).toBe(200);
    expect((await db.layoutTemplate.findMany()).map((t) => t.name)).toEqual(["Generic TSV"]);
  });
});
