import { expect, test } from "@playwright/test";
import { createUserViaApi } from "../tests/support/factories";
import { shot } from "./support/browser";

/**
 * Issue 19: ?next= after sign-in never leaves the app's origin (the browser reads "\" as "/", drops
 * tabs, and follows protocol-relative and absolute URLs), and repeated wrong passwords end in the
 * throttle's message on the form.
 */
const VECTORS = ["/%5Cevil.example/", "/%09/evil.example/", "//evil.example", "https://evil.example", "javascript:alert(1)"];

for (const next of VECTORS) {
  test(`sign-in with ?next=${next} stays on the app`, async ({ page, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    // Should the page try to leave, the request fails at once instead of waiting on DNS.
    // (Matched by host: the sign-in URL itself names evil.example in its query.)
    await page.route(
      (url) => url.hostname.endsWith("evil.example"),
      (r) => r.abort(),
    );
    const user = await createUserViaApi(baseURL!, "analyst", "redirect");
    await page.goto(`/sign-in?next=${next}`);
    await page.getByLabel("E-mail").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((u) => u.pathname !== "/sign-in", { timeout: 30_000 });
    expect(new URL(page.url()).origin).toBe(origin);
    await expect(page.getByTestId("current-user")).toBeVisible();
    expect(new URL(page.url()).origin).toBe(origin);
  });
}

test("a legitimate ?next= is followed with its query", async ({ page, baseURL }) => {
  const user = await createUserViaApi(baseURL!, "analyst", "redirect");
  await page.goto(`/sign-in?next=${encodeURIComponent("/records?caseId=3")}`);
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => u.pathname === "/records");
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
});

test("repeated wrong passwords end in the throttle's message on the form", async ({ page, baseURL }) => {
  const user = await createUserViaApi(baseURL!, "analyst", "throttled");
  await page.goto("/sign-in");
  // The form's message (Next's route announcer is an empty role=alert too).
  const alert = page.locator("p[role=alert]");
  const attempt = async (password: string) => {
    await page.getByLabel("E-mail").fill(user.email);
    await page.getByLabel("Password").fill(password);
    const [res] = await Promise.all([page.waitForResponse((r) => new URL(r.url()).pathname === "/api/auth/sign-in"), page.getByRole("button", { name: "Sign in" }).click()]);
    await expect(alert).toBeVisible();
    return res.status();
  };
  for (let i = 1; i <= 5; i++) {
    expect(await attempt(`not-the-password-${i}`)).toBe(401);
    await expect(alert).toHaveText("The e-mail or password is wrong.");
  }
  // The lock after the fifth is 1 s and doubles with each further failure: a wrong password (never
  // the right one, which would succeed should a wait pass between two attempts) until refused.
  let status = 0;
  for (let i = 6; i <= 10 && status !== 429; i++) status = await attempt(`not-the-password-${i}`);
  expect(status).toBe(429);
  await expect(alert).toHaveText(/^Too many failed sign-ins\. Try again in \d+ seconds?\.$/);
  await shot(page, "sign-in-throttled");
});

test("the server redirects a signed-out page request before any page is rendered (issue 18)", async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL });
  const res = await api.get("/jobs?status=failed", { maxRedirects: 0 });
  expect(res.status()).toBe(307);
  expect(res.headers().location).toBe(`/sign-in?next=${encodeURIComponent("/jobs?status=failed")}`);
  expect(await res.text()).toBe("");
  expect((await api.get("/sign-in", { maxRedirects: 0 })).status()).toBe(200);
  // Signed in, the same request renders the page.
  const user = await createUserViaApi(baseURL!, "analyst", "gate");
  const signIn = await api.post("/api/auth/sign-in", { data: { email: user.email, password: user.password } });
  expect(signIn.status()).toBe(200);
  expect((await api.get("/jobs?status=failed", { maxRedirects: 0 })).status()).toBe(200);
  await api.dispose();
});
