import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "../../lib/db/prisma";
import { caseAccessOf, caseScopeWhere, requireCaseAccess, requireJobAccess } from "../../lib/data/case-access";
import { addMember, caseIdForName, createCase, deleteCase, listCases, removeMember, resolveUploadCase, updateCase } from "../../lib/data/cases";
import { createJob } from "../../lib/jobs/job-commands";
import type { SessionUser } from "../../lib/auth/roles";
import { createUserInDb } from "../support/factories";
import { tempPgSchema } from "../support/pg-test-db";
import { tempDataDir } from "../support/temp-db";

/**
 * The case rules of lib/data (issue 16) on a real database of each kind: who sees and manages
 * which case, which case an upload without one goes to, and that deleting a case deletes its jobs
 * and records.
 */
const cleanups: (() => unknown)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

const kinds: { name: string; url: () => Promise<string | null> }[] = [
  {
    name: "sqlite",
    url: async () => {
      const t = tempDataDir();
      cleanups.push(t.cleanup);
      return t.databaseUrl;
    },
  },
  {
    name: "postgres",
    url: async () => {
      const s = await tempPgSchema("case_rules");
      if (!s) return null;
      cleanups.push(s.cleanup);
      return s.databaseUrl;
    },
  },
];
const pgUp = await tempPgSchema("case_rules_probe");
if (pgUp) cleanups.push(pgUp.cleanup);

const asSession = (u: { id: string; email: string; name: string; role: SessionUser["role"] }): SessionUser => ({ id: u.id, email: u.email, name: u.name, role: u.role });

describe.each(kinds)("case rules on $name", ({ name, url }) => {
  it.skipIf(name === "postgres" && !pgUp)("lets members in, keeps everyone else out with the same not_found, and lets only the creator or an admin manage", async () => {
    const db = getDb((await url())!);
    const admin = asSession(await createUserInDb(db, "admin"));
    const alice = asSession(await createUserInDb(db, "analyst", "alice"));
    const bob = asSession(await createUserInDb(db, "analyst", "bob"));
    const rita = asSession(await createUserInDb(db, "reviewer", "rita"));

    const c = await createCase(db, alice, { name: "Operation Alpha", description: "two targets" });
    expect(c).toMatchObject({ name: "Operation Alpha", myRole: "analyst", canManage: true, counts: { jobs: 0, records: 0, members: 1 } });
    expect(await caseAccessOf(db, alice, c.id)).toMatchObject({ role: "analyst", canManage: true, canReview: false });
    expect(await caseAccessOf(db, bob, c.id)).toBeNull();
    expect(await caseAccessOf(db, admin, c.id)).toMatchObject({ role: null, canManage: true, canReview: true });

    // A non-member and a missing case get the same error, word for word.
    const refusal = await requireCaseAccess(db, bob, c.id).catch((e: Error) => e.message);
    const missing = await requireCaseAccess(db, bob, c.id + 999).catch((e: Error) => e.message);
    expect(refusal).toBe(missing);
    expect(await caseScopeWhere(db, bob, undefined)).toEqual({ caseId: { in: [] } });
    expect(await caseScopeWhere(db, admin, undefined)).toEqual({});

    // Members: only the creator (or an admin) adds; a global reviewer added as analyst may still review.
    await expect(addMember(db, bob, c.id, { email: bob.email, role: "analyst" })).rejects.toMatchObject({ code: "not_found" });
    await addMember(db, alice, c.id, { email: bob.email, role: "analyst" });
    await expect(updateCase(db, bob, c.id, { name: "mine now" })).rejects.toMatchObject({ code: "forbidden" });
    await addMember(db, admin, c.id, { email: rita.email, role: "analyst" });
    expect(await caseAccessOf(db, rita, c.id)).toMatchObject({ role: "analyst", canReview: true, canManage: false });
    await addMember(db, alice, c.id, { email: bob.email, role: "reviewer" });
    expect(await caseAccessOf(db, bob, c.id)).toMatchObject({ role: "reviewer", canReview: true });
    await expect(addMember(db, alice, c.id, { email: "nobody@switchyard.test", role: "analyst" })).rejects.toMatchObject({ code: "bad_request" });

    // Jobs follow their case.
    const job = await createJob(db, { fileName: "a.csv", storedPath: "/nonexistent", sha256: "x", sizeBytes: 1, userId: alice.id, caseId: c.id });
    expect(job.caseId).toBe(c.id);
    await expect(requireJobAccess(db, bob, job.id)).resolves.toMatchObject({ caseId: c.id });
    await removeMember(db, alice, c.id, bob.id);
    const jobRefusal = await requireJobAccess(db, bob, job.id).catch((e: Error) => e.message);
    expect(jobRefusal).toBe(await requireJobAccess(db, bob, "ffffffffffffffff").catch((e: Error) => e.message));
    expect((await listCases(db, bob)).cases).toEqual([]);
    expect((await listCases(db, admin)).cases.map((x) => x.id)).toContain(c.id);
  });

  it.skipIf(name === "postgres" && !pgUp)("sends an upload without a case to the last used one, else the newest, else a new one; the CLI to 'default'", async () => {
    const db = getDb((await url())!);
    const carol = asSession(await createUserInDb(db, "analyst", "carol"));
    const first = await resolveUploadCase(db, carol);
    expect((await listCases(db, carol)).cases.map((x) => x.id)).toEqual([first]);
    expect(await resolveUploadCase(db, carol)).toBe(first);
    const second = (await createCase(db, carol, { name: "Second" })).id;
    expect(await resolveUploadCase(db, carol)).toBe(second); // creating a case makes it the current one
    expect(await resolveUploadCase(db, carol, first)).toBe(first);
    expect(await resolveUploadCase(db, carol)).toBe(first);
    const cli = await caseIdForName(db);
    expect(await caseIdForName(db, "default")).toBe(cli);
    expect(await caseIdForName(db, "other")).not.toBe(cli);
    await expect(resolveUploadCase(db, carol, cli)).rejects.toMatchObject({ code: "not_found" });
  });

  it.skipIf(name === "postgres" && !pgUp)("deletes a case with its jobs and records, and nothing of other cases", async () => {
    const db = getDb((await url())!);
    const dave = asSession(await createUserInDb(db, "analyst", "dave"));
    const gone = await createCase(db, dave, { name: "Closed" });
    const kept = await createCase(db, dave, { name: "Open" });
    const jobs = await Promise.all(
      [gone.id, kept.id].map((caseId, i) => createJob(db, { fileName: `${i}.csv`, storedPath: "/nonexistent", sha256: "x", sizeBytes: 1, userId: dave.id, caseId })),
    );
    for (const [i, j] of jobs.entries()) {
      await db.callRecord.create({
        data: { jobId: j.id, caseId: j.caseId, contentHash: `h${i}`, line: 2, startTime: "2024-01-01T00:00:00Z", durationSeconds: 1, recordType: "voice" },
      });
      await db.contact.create({ data: { caseId: j.caseId, target: "t", number: "n", firstSeen: "a", lastSeen: "b" } });
    }
    await deleteCase(db, dave, gone.id);
    expect(await db.ingestionJob.count({ where: { caseId: gone.id } })).toBe(0);
    expect(await db.callRecord.count({ where: { caseId: gone.id } })).toBe(0);
    expect(await db.contact.count({ where: { caseId: gone.id } })).toBe(0);
    expect(await db.callRecord.count({ where: { caseId: kept.id } })).toBe(1);
    expect(await db.contact.count({ where: { caseId: kept.id } })).toBe(1);
  });
});
