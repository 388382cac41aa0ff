import { expect, test } from "@playwright/test";
import fs from "node:fs";
import { io } from "socket.io-client";
import { createUserViaApi, signInCookie, uploadViaApi, waitForJob } from "../tests/support/factories";
import { fixture, hasFixtures } from "./support/browser";

/**
 * Over real HTTP and Socket.IO against the production server: an analyst can neither read, retry,
 * cancel, delete, remap, preview nor subscribe to another analyst's job, nor see its error rows,
 * records or contacts, nor anything of the case it belongs to. The owner doing the same succeeds, so
 * every refusal is about case membership.
 */
test("an analyst reaches nothing of another analyst's job through any route or socket event", async ({ baseURL }) => {
  test.skip(!hasFixtures("att-2.csv"), "fixtures not found (set SWITCHYARD_FIXTURES)");
  const base = baseURL!;
  const owner = await createUserViaApi(base, "analyst", "owner");
  const other = await createUserViaApi(base, "analyst", "intruder");
  const ownerCookie = await signInCookie(base, owner.email, owner.password);
  const otherCookie = await signInCookie(base, other.email, other.password);
  const jobId = await uploadViaApi(base, ownerCookie, "att-2.csv", fs.readFileSync(fixture("att-2.csv")));
  expect(await waitForJob(base, ownerCookie, jobId)).toMatch(/completed|partial/);

  const call = (cookie: string, method: string, url: string, body?: unknown) =>
    fetch(new URL(url, base), { method, headers: { cookie, ...(body ? { "content-type": "application/json" } : {}) }, body: body ? JSON.stringify(body) : undefined });

  // Positive control: the owner sees the job and its records.
  expect((await call(ownerCookie, "GET", `/api/ingestion/jobs/${jobId}`)).status).toBe(200);
  const ownRecords = (await (await call(ownerCookie, "GET", `/api/records?jobId=${jobId}`)).json()) as { total: number };
  expect(ownRecords.total).toBeGreaterThan(100);

  // Every job route answers "no such job" to the other analyst (existence is not disclosed).
  for (const [method, url] of [
    ["GET", `/api/ingestion/jobs/${jobId}`],
    ["GET", `/api/ingestion/jobs/${jobId}/errors`],
    ["POST", `/api/ingestion/jobs/${jobId}/retry`],
    ["POST", `/api/ingestion/jobs/${jobId}/cancel`],
    ["POST", `/api/ingestion/jobs/${jobId}/preview`],
    ["DELETE", `/api/ingestion/jobs/${jobId}`],
  ] as const) {
    const res = await call(otherCookie, method, url);
    expect({ method, url, status: res.status }).toEqual({ method, url, status: 404 });
  }
  // Remapping is for reviewers of the job's case: to an outsider the job does not exist. The error table and audit log need admin.
  expect((await call(otherCookie, "POST", `/api/ingestion/jobs/${jobId}/mapping`, { columns: [] })).status).toBe(404);
  expect((await call(otherCookie, "GET", `/api/ingestion/errors?jobId=${jobId}`)).status).toBe(403);
  expect((await call(otherCookie, "GET", `/api/audit`)).status).toBe(403);

  // Lists, records, exports and contacts simply do not contain it.
  const list = (await (await call(otherCookie, "GET", "/api/ingestion/jobs")).json()) as { jobs: { id: string }[] };
  expect(list.jobs.map((j) => j.id)).not.toContain(jobId);
  const records = (await (await call(otherCookie, "GET", `/api/records?jobId=${jobId}`)).json()) as { total: number };
  expect(records.total).toBe(0);
  const csv = await (await call(otherCookie, "GET", `/api/records/export?format=csv&jobId=${jobId}`)).text();
  expect(csv.trim().split("\n")).toHaveLength(1); // the header only
  const contacts = (await (await call(otherCookie, "GET", "/api/contacts")).json()) as { total: number };
  expect(contacts.total).toBe(0);

  // The owner's case (the upload named none: the owner's first case, created for it) answers the
  // other analyst exactly as a case that does not exist does, on every case route and case-scoped list.
  const { job: ownJob } = (await (await call(ownerCookie, "GET", `/api/ingestion/jobs/${jobId}`)).json()) as { job: { caseId: number } };
  const caseId = ownJob.caseId;
  const answer = async (method: string, url: string, body?: unknown) => {
    const res = await call(otherCookie, method, url, body);
    return { status: res.status, body: await res.text() };
  };
  for (const [method, path, body] of [
    ["GET", "/api/cases/{id}"],
    ["PATCH", "/api/cases/{id}", { name: "Taken over" }],
    ["DELETE", "/api/cases/{id}"],
    ["POST", "/api/cases/{id}/select"],
    ["GET", "/api/cases/{id}/members"],
    ["POST", "/api/cases/{id}/members", { email: other.email, role: "analyst" }],
    ["DELETE", `/api/cases/{id}/members/${owner.id}`],
    ["GET", "/api/ingestion/jobs?caseId={id}"],
    ["GET", "/api/records?caseId={id}"],
    ["GET", "/api/records/export?format=csv&caseId={id}"],
    ["GET", "/api/records/targets?caseId={id}"],
    ["GET", "/api/records/timeline?caseId={id}&target=%2B13125550100"],
    ["GET", "/api/contacts?caseId={id}"],
  ] as const) {
    const real = await answer(method, path.replace("{id}", String(caseId)), body);
    const none = await answer(method, path.replace("{id}", "999999"), body);
    expect({ method, path, ...real }).toEqual({ method, path, ...none });
    expect({ method, path, status: real.status }).toEqual({ method, path, status: 404 });
  }
  // The other analyst's own case list does not hold it.
  const cases = (await (await call(otherCookie, "GET", "/api/cases")).json()) as { cases: { id: number }[] };
  expect(cases.cases.map((c) => c.id)).not.toContain(caseId);

  // Socket.IO: the joins are refused for the other analyst and allowed for the owner.
  const join = (cookie: string, event: "job:subscribe" | "jobs:subscribe") =>
    new Promise<{ ok: boolean }>((resolve, reject) => {
      const socket = io(base, { extraHeaders: { cookie }, transports: ["websocket"], reconnection: false });
      socket.on("connect_error", reject);
      socket.on("connect", () => {
        const done = (ack: { ok: boolean }) => (socket.close(), resolve(ack));
        if (event === "job:subscribe") socket.emit("job:subscribe", jobId, done);
        else socket.emit("jobs:subscribe", caseId, done);
      });
    });
  expect((await join(otherCookie, "job:subscribe")).ok).toBe(false);
  expect((await join(ownerCookie, "job:subscribe")).ok).toBe(true);
  expect((await join(otherCookie, "jobs:subscribe")).ok).toBe(false);
  expect((await join(ownerCookie, "jobs:subscribe")).ok).toBe(true);

  // And the job is still there, untouched, for its owner.
  const after = (await (await call(ownerCookie, "GET", `/api/ingestion/jobs/${jobId}`)).json()) as { job: { status: string } };
  expect(after.job.status).toMatch(/completed|partial/);
});
