import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "../../lib/db/prisma";
import { executeJob, type TaskRunner } from "../../lib/jobs/execute-job";
import { createJob } from "../../lib/jobs/job-commands";
import { silentJobEvents } from "../../lib/jobs/job-events";
import { runIngestTask } from "../../lib/jobs/run-ingest-task";
import { tempPgSchema } from "../support/pg-test-db";
import { tempDataDir } from "../support/temp-db";

const inline: TaskRunner = (task, onProgress) => runIngestTask(task, onProgress);
const cleanups: (() => unknown)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});
const pgProbe = await tempPgSchema("probe");
if (pgProbe) cleanups.push(pgProbe.cleanup);

/** A fresh database of each kind: SQLite always, PostgreSQL when reachable. */
async function freshDatabase(kind: "sqlite" | "postgres"): Promise<string> {
  const tmp = tempDataDir();
  cleanups.push(tmp.cleanup);
  if (kind === "sqlite") return tmp.databaseUrl;
  const schema = (await tempPgSchema("near_dup"))!;
  cleanups.push(schema.cleanup);
  return schema.databaseUrl;
}

// The same call, X → Y, as X's carrier and Y's carrier report it: Y's switch saw it start a
// second later, last a second longer, and knows the handset.
const X = "2125550147",
  Y = "7135550188";
const fileOfX = `All times are UTC\nTarget: ${X}\nStart,From,To,Duration (s),Type\n` + `2023-05-01 10:00:00,${X},${Y},60,Voice\n2023-05-01 12:00:00,${X},3125550111,30,Voice\n`;
const fileOfY =
  `All times are UTC\nTarget: ${Y}\nStart,From,To,Duration (s),Type,IMEI\n` +
  `2023-05-01 10:00:01,${X},${Y},61,Voice,356938035643809\n2023-05-01 15:00:00,6175550123,${Y},20,Voice,356938035643809\n`;

async function loadBoth(kind: "sqlite" | "postgres", strategy: string) {
  process.env.NEAR_DUPLICATE_STRATEGY = strategy;
  const databaseUrl = await freshDatabase(kind);
  const db = getDb(databaseUrl);
  const tmp = tempDataDir();
  cleanups.push(tmp.cleanup);
  for (const [name, text] of [
    ["x.csv", fileOfX],
    ["y.csv", fileOfY],
  ] as const) {
    const file = path.join(tmp.dir, name);
    fs.writeFileSync(file, text);
    // Two-row files are too small to map with confidence: confirm the mapping as a reviewer would.
    const fields = ["start_time", "caller", "callee", "duration_seconds", "record_type", "imei"] as const;
    const mapping = { columns: fields.map((field, index) => ({ index, field })), timezone: "UTC" };
    const job = await createJob(db, { fileName: name, storedPath: file, sha256: name, sizeBytes: text.length, mapping });
    const outcome = await executeJob(db, databaseUrl, job.id, inline, silentJobEvents);
    expect(outcome?.status).toBe("completed");
  }
  const rows = await db.callRecord.findMany({ where: { startTime: { lt: "2023-05-01T10:00:05Z" } }, orderBy: { id: "asc" } });
  delete process.env.NEAR_DUPLICATE_STRATEGY;
  return { db, rows };
}

/** Two reports of one call are linked, never counted twice; which one counts is configurable. */
describe.each(pgProbe ? (["sqlite", "postgres"] as const) : (["sqlite"] as const))("near-duplicate strategy on %s", (kind) => {
  it("keep_first: the later report points at the earlier one; contacts count the call once", async () => {
    const { db, rows } = await loadBoth(kind, "keep_first");
    expect(rows).toHaveLength(2);
    expect(rows[0]!.duplicateOf).toBeNull();
    expect(rows[1]!.duplicateOf).toBe(rows[0]!.id);
    const yInX = await db.contact.findFirst({ where: { target: `+1${X}`, number: `+1${Y}` } });
    expect(yInX?.calls).toBe(1);
    const xInY = await db.contact.findFirst({ where: { target: `+1${Y}`, number: `+1${X}` } });
    expect(xInY).toBeNull(); // Y's only report of X is the linked duplicate
  });

  it("keep_longest: the longer report becomes the primary", async () => {
    const { rows } = await loadBoth(kind, "keep_longest");
    expect(rows[0]!.duplicateOf).toBe(rows[1]!.id);
    expect(rows[1]!.duplicateOf).toBeNull();
  });

  it("merge: the primary keeps its values and gains what only the duplicate knew", async () => {
    const { rows } = await loadBoth(kind, "merge");
    expect(rows[1]!.duplicateOf).toBe(rows[0]!.id);
    expect(rows[0]!.imei).toBe("356938035643809");
    expect(rows[0]!.durationSeconds).toBe(60);
  });
});
