import { expect, test } from "@playwright/test";
import fs from "node:fs";
import { io } from "socket.io-client";
import { createUserViaApi, E2E_ADMIN, signInCookie, uploadViaApi, waitForJob } from "../tests/support/factories";
import { fixture, hasFixtures, shot, signIn } from "./support/browser";

const ALL_NAV = ["Upload", "Jobs", "Review", "Records", "Contacts", "Cases", "Templates", "Errors", "Privacy", "Users", "Audit"];
const NAV_BY_ROLE = {
  analyst: ["Upload", "Jobs", "Records", "Contacts", "Cases"],
  reviewer: ["Upload", "Jobs", "Review", "Records", "Contacts", "Cases", "Templates"],
  admin: ALL_NAV,
} as const;

for (const role of ["analyst", "reviewer", "admin"] as const) {
  test(`${role} signs in and sees only the ${role} navigation`, async ({ page, baseURL }) => {
    const user = role === "admin" ? { ...E2E_ADMIN, name: "Administrator" } : await createUserViaApi(baseURL!, role);
    // Signed out, any page sends you to sign-in and back afterwards.
    await page.goto("/jobs");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fjobs/);
    await shot(page, `roles-${role}-1-sign-in`);
    await page.getByLabel("E-mail").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    // A new user is in no case yet (the page asks for one); the admin sees every case, so one is current once any exists.
    await expect(page).toHaveURL(role === "admin" ? /\/jobs(\?case=\d+)?$/ : /\/jobs$/);
    await expect(page.getByTestId("current-role")).toHaveText(role);
    if (role !== "admin") await expect(page.getByTestId("no-case")).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const label of ALL_NAV) {
      const link = nav.getByRole("link", { name: label, exact: true });
      if ((NAV_BY_ROLE[role] as readonly string[]).includes(label)) await expect(link).toBeVisible();
      else await expect(link).toHaveCount(0);
    }
    await shot(page, `roles-${role}-2-signed-in`);
    if (role !== "admin") {
      await page.goto("/users");
      await expect(page.getByTestId("forbidden")).toBeVisible();
      await page.goto("/errors");
      await expect(page.getByTestId("forbidden")).toBeVisible();
      await shot(page, `roles-${role}-3-admin-page-refused`);
    }
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/records");
    await expect(page).toHaveURL(/\/sign-in/);
  });
}

test("an analyst cannot open or follow a job of another analyst's case", async ({ page, baseURL }) => {
  test.skip(!hasFixtures("sprint-1.txt"), "fixtures not found (set SWITCHYARD_FIXTURES)");
  const owner = await createUserViaApi(baseURL!, "analyst", "owner");
  const other = await createUserViaApi(baseURL!, "analyst", "other");
  const ownerCookie = await signInCookie(baseURL!, owner.email, owner.password);
  const jobId = await uploadViaApi(baseURL!, ownerCookie, "sprint-1.txt", fs.readFileSync(fixture("sprint-1.txt")));
  await waitForJob(baseURL!, ownerCookie, jobId);

  await signIn(page, other.email, other.password);
  await page.goto(`/jobs/${jobId}`);
  await expect(page.getByTestId("not-found")).toContainText("There is no such job.");
  await shot(page, "roles-4-other-users-job-not-found");
  // In no case of their own, the other analyst is asked to create one; nothing of the owner's shows.
  await page.goto("/jobs");
  await expect(page.getByTestId("no-case")).toBeVisible();
  await expect(page.getByTestId("job-row")).toHaveCount(0);

  // Socket.IO: joining the other user's job room is refused; the owner's own join is allowed.
  const ack = async (cookie: string) => {
    const socket = io(baseURL!, { extraHeaders: { cookie }, transports: ["websocket"], reconnection: false });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", resolve);
        socket.once("connect_error", reject);
      });
      return await socket.timeout(5000).emitWithAck("job:subscribe", jobId);
    } finally {
      socket.close();
    }
  };
  const otherCookie = await signInCookie(baseURL!, other.email, other.password);
  expect(await ack(otherCookie)).toMatchObject({ ok: false });
  expect(await ack(ownerCookie)).toMatchObject({ ok: true });
  // Without a session the handshake itself is refused.
  await expect(ack("sy_session=nope")).rejects.toThrow(/sign in/i);
});
