import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "../../lib/app-error";
import { getDb } from "../../lib/db/prisma";
import { createJob, retryJob } from "../../lib/jobs/job-commands";
import { createCaseInDb } from "../support/factories";
import { tempDataDir } from "../support/temp-db";

/** Issue 18: Retry was offered on completed jobs; the API now refuses it too (real SQLite file). */
const tmp = tempDataDir("switchyard-retry-");
const db = getDb(tmp.databaseUrl);
afterAll(async () => {
  await db.$disconnect();
  tmp.cleanup();
});

describe("retryJob", () => {
  it("refuses a completed job with a sentence, and requeues a failed or partial one", async () => {
    const c = await createCaseInDb(db, null, "Retry");
    const job = (status: string) =>
      createJob(db, { fileName: `${status}.csv`, storedPath: "/nowhere", sha256: "0", sizeBytes: 1, caseId: c.id }).then(
        async (j) => (await db.ingestionJob.update({ where: { id: j.id }, data: { status } }), j.id),
      );
    const completed = await job("completed");
    const err = await retryJob(db, completed).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("conflict");
    expect((err as AppError).message).toMatch(/nothing to retry/);
    expect((await db.ingestionJob.findUnique({ where: { id: completed } }))!.status).toBe("completed");
    for (const status of ["failed", "partial", "cancelled"]) expect((await retryJob(db, await job(status))).status).toBe("queued");
    await expect(retryJob(db, await job("processing"))).rejects.toThrow(/already queued or running/);
  });
});
