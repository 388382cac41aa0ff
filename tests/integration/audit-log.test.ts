import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audit } from "../../lib/auth/audit";
import { attemptSignIn } from "../../lib/auth/sign-in";
import { listAuditEvents } from "../../lib/data/audit-log";
import { getDb, type Db } from "../../lib/db/prisma";
import { createJob } from "../../lib/jobs/job-commands";
import { AUDIT_ACTIONS } from "../../lib/schemas/audit-actions";
import { createCaseInDb, createUserInDb, type SeededCase, type SeededUser } from "../support/factories";
import { tempDataDir } from "../support/temp-db";

/**
 * Issue 18: the audit log showed raw JSON and opaque ids, had no filters, and failed sign-ins
 * were not in it. Real SQLite file, real sign-in attempts.
 */
const tmp = tempDataDir("switchyard-audit-");
let db: Db;
let alice: SeededUser;
let bob: SeededUser;
let theCase: SeededCase;
let jobId = "";
const page = { page: 1, pageSize: 100 };

beforeAll(async () => {
  db = getDb(tmp.databaseUrl);
  alice = await createUserInDb(db, "analyst", "alice");
  bob = await createUserInDb(db, "admin", "bob");
  theCase = await createCaseInDb(db, alice, "Harbour");
  const job = await createJob(db, { fileName: "Téléphone relevé.csv", storedPath: "/nowhere", sha256: "0".repeat(64), sizeBytes: 10, userId: alice.id, caseId: theCase.id });
  jobId = job.id;
  const asUser = (u: SeededUser) => ({ id: u.id, email: u.email, name: u.name, role: u.role });
  await audit(db, asUser(alice), "upload", { type: "job", id: jobId }, { fileName: "Téléphone relevé.csv", sizeBytes: 10 });
  await audit(db, asUser(bob), "case.update", { type: "case", id: String(theCase.id) }, { name: "Harbour 2" });
  await attemptSignIn(db, { email: alice.email, password: "wrong password entirely", address: "203.0.113.9" }, new Date());
  await attemptSignIn(db, { email: "nobody@example.org", password: "wrong password entirely", address: "203.0.113.10" }, new Date());
});
afterAll(async () => {
  await db.$disconnect();
  tmp.cleanup();
});

describe("the audit log", () => {
  it("has every failed sign-in, known account or not, with the address and never the password", async () => {
    const { events, total } = await listAuditEvents(db, { ...page, action: "auth.sign_in_failed" });
    expect(total).toBe(2);
    expect(events.map((e) => JSON.parse(e.detail!).address).sort()).toEqual(["203.0.113.10", "203.0.113.9"]);
    expect(events.some((e) => e.detail!.includes("wrong password"))).toBe(false);
    // The known account's failure names it as the subject, by e-mail.
    expect(events.find((e) => e.subjectType === "user")?.subjectLabel).toBe(alice.email);
  });

  it("filters by e-mail: who acted, or the address a failed sign-in tried", async () => {
    const mine = await listAuditEvents(db, { ...page, email: alice.email.split("@")[0]! });
    expect(mine.events.map((e) => e.action).sort()).toEqual(["auth.sign_in_failed", "upload"]);
    const stranger = await listAuditEvents(db, { ...page, email: "nobody@" });
    expect(stranger.events.map((e) => e.action)).toEqual(["auth.sign_in_failed"]);
  });

  it("filters by day range (UTC, inclusive)", async () => {
    const today = new Date().toISOString().slice(0, 10);
    expect((await listAuditEvents(db, { ...page, from: today, to: today })).total).toBe(4);
    expect((await listAuditEvents(db, { ...page, to: "2020-01-01" })).total).toBe(0);
    expect((await listAuditEvents(db, { ...page, from: "2999-01-01" })).total).toBe(0);
  });

  it("names subjects: a job by its file name, a case by its name", async () => {
    const { events } = await listAuditEvents(db, page);
    expect(events.find((e) => e.action === "upload")?.subjectLabel).toBe("Téléphone relevé.csv");
    expect(events.find((e) => e.action === "case.update")?.subjectLabel).toBe(theCase.name);
  });

  it("has words for every action the code writes", async () => {
    const { events } = await listAuditEvents(db, page);
    for (const e of events) expect(Object.keys(AUDIT_ACTIONS)).toContain(e.action);
  });
});
