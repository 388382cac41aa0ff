import crypto from "node:crypto";
import type { Role } from "../../lib/auth/roles";
import type { CanonicalRecord } from "../../lib/schemas/record";

/**
 * Seed users of each role, shared by vitest (straight into the database) and Playwright (through
 * the HTTP API as the first admin, so the server's own rules apply). Every user gets a unique
 * e-mail, so tests never collide on one database.
 */
export const TEST_PASSWORD = "correct-horse-battery-9";
export const E2E_ADMIN = { email: "admin@switchyard.test", password: "yard-e2e-password-1" } as const;

export interface SeededUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  password: string;
}

export function newUserInput(role: Role, label: string = role) {
  const tag = crypto.randomBytes(4).toString("hex");
  return { email: `${label}-${tag}@switchyard.test`, name: `${label[0]!.toUpperCase()}${label.slice(1)} ${tag}`, password: TEST_PASSWORD, role };
}

/** Signs in over HTTP and returns the `sy_session=…` cookie pair to send as a Cookie header. */
export async function signInCookie(baseURL: string, email: string, password: string): Promise<string> {
  const res = await fetch(new URL("/api/auth/sign-in", baseURL), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) });
  if (!res.ok) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get("set-cookie")?.split(";")[0];
  if (!cookie?.startsWith("sy_session=")) throw new Error("sign-in returned no session cookie");
  return cookie;
}

/** Creates a user of `role` through POST /api/users as the e2e admin (from playwright.config.ts's env). */
export async function createUserViaApi(baseURL: string, role: Role, label?: string, admin = E2E_ADMIN): Promise<SeededUser> {
  const adminCookie = await signInCookie(baseURL, admin.email, admin.password);
  const input = newUserInput(role, label);
  const res = await fetch(new URL("/api/users", baseURL), { method: "POST", headers: { "content-type": "application/json", cookie: adminCookie }, body: JSON.stringify(input) });
  if (res.status !== 201) throw new Error(`creating ${role} failed: ${res.status} ${await res.text()}`);
  const { user } = (await res.json()) as { user: { id: string } };
  return { ...input, id: user.id };
}

/**
 * Uploads one file over HTTP as the holder of `cookie`; returns the new job id. With `caseId` the
 * file goes into that case (the field comes before the file, as the browser sends it); without,
 * into the user's last used case (created on their first upload).
 */
export async function uploadViaApi(baseURL: string, cookie: string, fileName: string, bytes: Uint8Array, caseId?: number): Promise<string> {
  const form = new FormData();
  if (caseId !== undefined) form.append("caseId", String(caseId));
  form.append("files", new Blob([new Uint8Array(bytes)]), fileName);
  const res = await fetch(new URL("/api/ingestion/upload", baseURL), { method: "POST", headers: { cookie }, body: form });
  if (res.status !== 202) throw new Error(`upload failed: ${res.status} ${await res.text()}`);
  const { jobs } = (await res.json()) as { jobs: { id: string }[] };
  return jobs[0]!.id;
}

export interface SeededCase {
  id: number;
  name: string;
}

/** Creates a case over HTTP as the holder of `cookie` (who becomes its first member); the name gets a unique tag. */
export async function createCaseViaApi(baseURL: string, cookie: string, label = "Case", description?: string): Promise<SeededCase> {
  const name = `${label} ${crypto.randomBytes(3).toString("hex")}`;
  const res = await fetch(new URL("/api/cases", baseURL), {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ name, ...(description ? { description } : {}) }),
  });
  if (res.status !== 201) throw new Error(`creating case ${name} failed: ${res.status} ${await res.text()}`);
  const { case: c } = (await res.json()) as { case: SeededCase };
  return { id: c.id, name: c.name };
}

/** Adds a user (by e-mail) to a case over HTTP, as its creator or an admin (the holder of `cookie`). */
export async function addCaseMemberViaApi(baseURL: string, cookie: string, caseId: number, email: string, role: "analyst" | "reviewer" = "analyst"): Promise<void> {
  const res = await fetch(new URL(`/api/cases/${caseId}/members`, baseURL), {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ email, role }),
  });
  if (res.status !== 201) throw new Error(`adding ${email} to case ${caseId} failed: ${res.status} ${await res.text()}`);
}

/** Polls a job until it leaves queued/processing; returns its final status. */
export async function waitForJob(baseURL: string, cookie: string, jobId: string, timeoutMs = 90_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(new URL(`/api/ingestion/jobs/${jobId}`, baseURL), { headers: { cookie } });
    const { job } = (await res.json()) as { job: { status: string } };
    if (!["pending", "queued", "processing"].includes(job.status)) return job.status;
    if (Date.now() > until) throw new Error(`job ${jobId} still ${job.status}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** For vitest: a case straight in the database, created by `user` (its first member), through the same code as the API. */
export async function createCaseInDb(db: import("../../lib/db/prisma").Db, user: SeededUser | null, label = "Case"): Promise<SeededCase> {
  const { createCase } = await import("../../lib/data/cases");
  const name = `${label} ${crypto.randomBytes(3).toString("hex")}`;
  const c = await createCase(db, user && { id: user.id, email: user.email, name: user.name, role: user.role }, { name });
  return { id: c.id, name: c.name };
}

/** For vitest: a case member straight in the database. */
export async function addCaseMemberInDb(db: import("../../lib/db/prisma").Db, caseId: number, userId: string, role: "analyst" | "reviewer" = "analyst"): Promise<void> {
  await db.caseMember.upsert({ where: { caseId_userId: { caseId, userId } }, create: { caseId, userId, role }, update: { role } });
}

/** For vitest: a user straight in the database (same validation and hashing as the API). */
export async function createUserInDb(db: import("../../lib/db/prisma").Db, role: Role, label?: string): Promise<SeededUser> {
  const { createUser } = await import("../../lib/auth/user-commands");
  const input = newUserInput(role, label);
  const user = await createUser(db, input);
  return { ...input, id: user.id };
}

/**
 * A canonical record with every field set (E.164 parties, their kinds and raw values): tests
 * override what they are about.
 */
export function canonicalRecord(over: Partial<CanonicalRecord> = {}): CanonicalRecord {
  const caller = over.caller === undefined ? "+17133537623" : over.caller;
  const callee = over.callee === undefined ? "+12062060312" : over.callee;
  const target = over.target === undefined ? caller : over.target;
  return {
    start_time: "2023-09-02T01:25:10Z",
    end_time: null,
    duration_seconds: 60,
    caller,
    callee,
    direction: "outgoing",
    record_type: "voice",
    target,
    dialed_digits: null,
    imei: null,
    imsi: null,
    cell_first: null,
    cell_last: null,
    caller_kind: caller === null ? null : "e164",
    caller_raw: caller,
    callee_kind: callee === null ? null : "e164",
    callee_raw: callee,
    target_kind: target === null ? null : "e164",
    target_raw: target,
    repaired: false,
    ...over,
  };
}
