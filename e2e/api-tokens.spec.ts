import { expect, test } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { io as ioClient, type Socket } from "socket.io-client";
import { createCaseViaApi, createUserViaApi, signInCookie } from "../tests/support/factories";
import { fixture, hasFixtures, shot, signIn } from "./support/browser";

/**
 * Issue 19, the token journey: an analyst creates a write token on the settings page (shown
 * once), uploads with curl and that token, follows the job over Socket.IO authenticated by the
 * same token, revokes it on the page — and then the socket is cut and curl gets 401.
 */
const FILE = "att-1.csv";

/** curl, as the README shows it: the status code and the body. */
function curl(args: string[]): { status: number; body: string } {
  const out = execFileSync("curl", ["-sS", "-w", "\n%{http_code}", ...args], { encoding: "utf8" });
  const cut = out.lastIndexOf("\n");
  return { status: Number(out.slice(cut + 1)), body: out.slice(0, cut) };
}

test("create a token, upload with curl, follow it over the socket, revoke it, get 401", async ({ page, baseURL }) => {
  test.skip(!hasFixtures(FILE), "fixtures not found (set SWITCHYARD_FIXTURES)");
  const analyst = await createUserViaApi(baseURL!, "analyst", "scripter");
  const theCase = await createCaseViaApi(baseURL!, await signInCookie(baseURL!, analyst.email, analyst.password), "Scripted uploads");
  await signIn(page, analyst.email, analyst.password);

  // 1. The settings page: a write token for this one case, its secret shown once.
  await page.getByRole("link", { name: "API tokens" }).click();
  await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();
  await page.getByLabel("Token name").fill("nightly upload");
  await page.getByLabel("Write").check();
  await page.getByLabel(theCase.name).check();
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token-secret").textContent())!.trim();
  expect(token).toMatch(/^sy_[A-Za-z0-9_-]{43}$/);
  await shot(page, "tokens-1-created");
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("new-token-secret")).toHaveCount(0);
  const row = page.getByTestId("api-token-row").filter({ hasText: "nightly upload" });
  await expect(row).toBeVisible();
  await expect(row).not.toContainText(token); // never shown again

  // 2. Socket.IO with the token: the case's dashboard.
  const events: { type: string; jobId: string; status?: string }[] = [];
  const socket: Socket = ioClient(baseURL!, { transports: ["websocket"], auth: { token }, reconnection: false });
  const disconnected = new Promise<string>((resolve) => socket.on("disconnect", (reason) => resolve(reason)));
  socket.on("job:progress", (e: { jobId: string }) => events.push({ type: "progress", jobId: e.jobId }));
  socket.on("job:updated", (j: { id: string; status: string }) => events.push({ type: "updated", jobId: j.id, status: j.status }));
  await new Promise<void>((resolve, reject) => {
    socket.on("connect_error", reject);
    socket.on("connect", () => socket.emit("jobs:subscribe", theCase.id, (r: { ok: boolean }) => (r.ok ? resolve() : reject(new Error("subscribe refused")))));
  });

  try {
    // 3. curl uploads with the token (the README's command).
    const upload = curl(["-H", `Authorization: Bearer ${token}`, "-F", `caseId=${theCase.id}`, "-F", `files=@${fixture(FILE)}`, `${baseURL}/api/ingestion/upload`]);
    expect(upload.status).toBe(202);
    const jobId = (JSON.parse(upload.body) as { jobs: { id: string }[] }).jobs[0]!.id;

    // 4. Its progress and its end arrive over the token's socket.
    await expect.poll(() => events.find((e) => e.jobId === jobId && e.type === "updated" && e.status === "completed") !== undefined, { timeout: 90_000 }).toBe(true);
    expect(events.filter((e) => e.jobId === jobId).length).toBeGreaterThan(1);
    const read = curl(["-H", `Authorization: Bearer ${token}`, `${baseURL}/api/records?caseId=${theCase.id}&pageSize=1`]);
    expect(read.status).toBe(200);
    expect((JSON.parse(read.body) as { total: number }).total).toBeGreaterThan(0);

    // 5. Revoked on the page: the socket is cut at once and curl gets 401.
    await page.reload();
    await row.getByRole("button", { name: "Revoke nightly upload" }).click();
    await page.getByRole("button", { name: "Revoke token" }).click();
    await expect(row).toHaveCount(0);
    await shot(page, "tokens-2-revoked");
    expect(await disconnected).toBe("io server disconnect");
    const after = curl(["-H", `Authorization: Bearer ${token}`, "-F", `caseId=${theCase.id}`, "-F", `files=@${fixture(FILE)}`, `${baseURL}/api/ingestion/upload`]);
    expect(after.status).toBe(401);
    expect(after.body).toContain("not valid");
    expect(curl(["-H", `Authorization: Bearer ${token}`, `${baseURL}/api/ingestion/jobs`]).status).toBe(401);
  } finally {
    socket.close();
  }
});

test("the API reference is public and served from the OpenAPI document", async ({ page, baseURL }) => {
  const doc = (await (await fetch(`${baseURL}/api/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown> };
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths)).toContain("/api/tokens");
  await page.goto("/api-docs");
  await expect(page).toHaveURL(/\/api-docs$/);
  await expect(page.getByText("/api/ingestion/upload").first()).toBeVisible();
  await expect(page.getByText(/Authorization: Bearer/).first()).toBeVisible();
  await shot(page, "api-docs");
});
