import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as signInRoute } from "../../app/api/auth/sign-in/route";
import { DELETE as liftLockout } from "../../app/api/users/[id]/lockout/route";
import { openSqlite } from "../../lib/db/open-sqlite";
import { getDb, type Db } from "../../lib/db/prisma";
import { createSession } from "../../lib/auth/session";
import { throttleClock } from "../../lib/auth/sign-in-throttle";
import { createUser } from "../../lib/auth/user-commands";
import { PEER_ADDRESS_HEADER } from "../../lib/server/client-address";
import { setRuntime, type Runtime } from "../../lib/server/runtime";
import { noSocketControl } from "../../lib/server/socket-control";
import { tempDataDir } from "../support/temp-db";

/**
 * Issue 19: sign-in throttling per account and per client address, through the real route
 * handlers on a fresh SQLite file, with the throttle's clock moved by hand (no sleeps).
 */
const tmp = tempDataDir("switchyard-sign-in-");
let db: Db;
let t = Date.UTC(2026, 0, 1, 9, 0, 0);
const advance = (ms: number) => (t += ms);
const PASSWORD = "correct-horse-battery-9";
const users: Record<string, { id: string; email: string }> = {};
let adminCookie = "";

beforeAll(async () => {
  db = getDb(tmp.databaseUrl);
  setRuntime({ db, config: { trustProxy: false }, sockets: noSocketControl } as unknown as Runtime);
  throttleClock.now = () => new Date(t);
  for (const name of ["alice", "bob", "admin", ...Array.from({ length: 6 }, (_, i) => `spray${i}`)]) {
    const u = await createUser(db, { email: `${name}@switchyard.test`, name, password: PASSWORD, role: name === "admin" ? "admin" : "analyst" });
    users[name] = { id: u.id, email: u.email };
  }
  const { token } = await createSession(db, users.admin!.id);
  adminCookie = `sy_session=${token}`;
});
afterAll(async () => {
  await db.$disconnect();
  tmp.cleanup();
});
beforeEach(async () => {
  // Every test starts a day later, with no streak left.
  advance(24 * 3600_000);
  await db.signInThrottle.deleteMany();
});

let addrSeq = 0;
const newAddress = () => `203.0.113.${++addrSeq}`;

async function signIn(email: string, password: string, address: string) {
  const req = new Request("http://switchyard.test/api/auth/sign-in", {
    method: "POST",
    // server.ts stamps the socket's address in this header; a client-sent X-Forwarded-For is ignored without TRUST_PROXY.
    headers: { "content-type": "application/json", [PEER_ADDRESS_HEADER]: address, "x-forwarded-for": "198.51.100.77" },
    body: JSON.stringify({ email, password }),
  });
  const res = await signInRoute(req, { params: Promise.resolve({}) });
  const body = (await res.json()) as { error?: { code: string; message: string } };
  return { status: res.status, retryAfter: res.headers.get("retry-after"), body, cookie: res.headers.get("set-cookie") };
}

describe("sign-in throttling per account", () => {
  it("5 wrong passwords are 401; the 6th attempt is 429 with Retry-After, the right password too; after the wait it works and resets", async () => {
    const addr = newAddress();
    const email = users.alice!.email;
    for (let i = 1; i <= 5; i++) expect((await signIn(email, `wrong-${i}`, addr)).status, `attempt ${i}`).toBe(401);
    const sixth = await signIn(email, "wrong-6", addr);
    expect(sixth.status).toBe(429);
    expect(sixth.retryAfter).toBe("1");
    expect(sixth.body.error).toEqual({ code: "rate_limited", message: "Too many failed sign-ins. Try again in 1 second." });
    const right = await signIn(email, PASSWORD, addr);
    expect(right.status).toBe(429);
    expect(right.cookie).toBeNull();

    // The lock holds from another address too (it is the account's).
    expect((await signIn(email, PASSWORD, newAddress())).status).toBe(429);

    advance(1000);
    const after = await signIn(email, PASSWORD, addr);
    expect(after.status).toBe(200);
    expect(after.cookie).toContain("sy_session=");
    expect(await db.signInThrottle.findUnique({ where: { key: `email:${email}` } })).toBeNull();
    // Reset: five more wrong passwords before the next lock.
    for (let i = 1; i <= 4; i++) expect((await signIn(email, `again-${i}`, addr)).status).toBe(401);
    expect((await signIn(email, PASSWORD, addr)).status).toBe(200);
  });

  it("the wait doubles with every further failure, is capped at 15 minutes, and a quiet quarter of an hour forgets the streak", async () => {
    const addr = newAddress();
    const email = users.bob!.email;
    for (let i = 1; i <= 5; i++) await signIn(email, "wrong", addr);
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      const refused = await signIn(email, "wrong", addr);
      expect(refused.status).toBe(429);
      const s = Number(refused.retryAfter);
      waits.push(s);
      advance(s * 1000);
      expect((await signIn(email, "wrong", addr)).status).toBe(401); // counted: the next wait doubles
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900]);
    const refused = await signIn(email, PASSWORD, addr);
    expect(refused.status).toBe(429);
    expect(refused.body.error?.message).toBe("Too many failed sign-ins. Try again in 900 seconds.");
    advance(900_000 + 15 * 60_000);
    // Streak forgotten: a wrong password is a plain 401 again, not another doubling.
    expect((await signIn(email, "wrong", addr)).status).toBe(401);
    expect((await signIn(email, PASSWORD, addr)).status).toBe(200);
  });

  it("writes every failure to the audit log with the e-mail tried, never the password, and counts unknown e-mails alike", async () => {
    const addr = newAddress();
    const before = await db.auditEvent.count({ where: { action: "auth.sign_in_failed" } });
    await signIn(users.alice!.email, "secret-guess-1", addr);
    await signIn("nobody@switchyard.test", "secret-guess-2", addr);
    const rows = await db.auditEvent.findMany({ where: { action: "auth.sign_in_failed" }, orderBy: { id: "asc" } });
    expect(rows.length).toBe(before + 2);
    const [a, b] = rows.slice(-2);
    expect(JSON.parse(a!.detail!)).toEqual({ email: users.alice!.email, address: addr });
    expect(a).toMatchObject({ subjectType: "user", subjectId: users.alice!.id });
    expect(JSON.parse(b!.detail!)).toEqual({ email: "nobody@switchyard.test", address: addr });
    for (const r of rows) expect(r.detail).not.toContain("secret-guess");
    // An unknown e-mail is throttled like a known one (no hint which accounts exist).
    for (let i = 0; i < 4; i++) expect((await signIn("nobody@switchyard.test", "x", addr)).status).toBe(401);
    expect((await signIn("nobody@switchyard.test", "x", addr)).status).toBe(429);
  });

  it("an admin lifts an account's lock-out (DELETE /api/users/:id/lockout); others may not", async () => {
    const addr = newAddress();
    const email = users.alice!.email;
    for (let i = 0; i < 8; i++) await signIn(email, "wrong", addr);
    for (let i = 0; i < 3; i++) (advance(Number((await signIn(email, "wrong", addr)).retryAfter) * 1000), await signIn(email, "wrong", addr));
    expect((await signIn(email, PASSWORD, addr)).status).toBe(429);

    const lift = (cookie: string, id: string) =>
      liftLockout(new Request(`http://switchyard.test/api/users/${id}/lockout`, { method: "DELETE", headers: { cookie } }), { params: Promise.resolve({ id }) });
    const { token } = await createSession(db, users.bob!.id);
    expect((await lift(`sy_session=${token}`, users.alice!.id)).status).toBe(403);
    expect((await lift("", users.alice!.id)).status).toBe(401);
    expect((await lift(adminCookie, "no-such-user")).status).toBe(404);
    expect((await signIn(email, PASSWORD, addr)).status).toBe(429);

    expect((await lift(adminCookie, users.alice!.id)).status).toBe(204);
    expect(await db.auditEvent.findFirst({ where: { action: "user.lockout_lift", subjectId: users.alice!.id } })).not.toBeNull();
    expect((await signIn(email, PASSWORD, addr)).status).toBe(200);
  });
});

describe("sign-in throttling per client address", () => {
  it("other accounts from the same address are refused only after 20 failures there; other addresses are not", async () => {
    const addr = newAddress();
    // 4 wrong passwords for each of 5 accounts: no account reaches its limit; the address reaches 20.
    for (let a = 0; a < 5; a++) for (let i = 0; i < 4; i++) expect((await signIn(users[`spray${a}`]!.email, "wrong", addr)).status, `spray${a} #${i + 1}`).toBe(401);
    const refused = await signIn(users.spray5!.email, PASSWORD, addr);
    expect(refused.status).toBe(429);
    expect(refused.retryAfter).toBe("1");
    expect((await signIn(users.spray5!.email, PASSWORD, newAddress())).status).toBe(200);
    // The address lock-out expires by itself.
    advance(1000);
    expect((await signIn(users.spray5!.email, PASSWORD, addr)).status).toBe(200);
    // A success does not clear the address's streak: the next failure there locks it again (2 s).
    expect((await signIn(users.spray0!.email, "wrong", addr)).status).toBe(401);
    expect((await signIn(users.spray5!.email, PASSWORD, addr)).retryAfter).toBe("2");
  });

  it("state is in the database: another connection (a restart, another node) sees the streak and the lock", async () => {
    const addr = newAddress();
    for (let i = 0; i < 5; i++) await signIn(users.alice!.email, "wrong", addr);
    const other = openSqlite(tmp.databaseUrl.slice("file:".length));
    const rows = other.prepare(`SELECT key, failures, locked_until IS NOT NULL AS locked FROM sign_in_throttles ORDER BY key`).all();
    other.close();
    expect(rows).toEqual([
      { key: `addr:${addr}`, failures: 5, locked: 0 },
      { key: `email:${users.alice!.email}`, failures: 5, locked: 1 },
    ]);
  });
});

describe("a burst of parallel guesses", () => {
  it("is refused once the limit is reached, whatever the passwords (no oracle for the right one)", async () => {
    const addr = newAddress();
    const email = users.bob!.email;
    const guesses = Array.from({ length: 40 }, (_, i) => (i === 30 ? PASSWORD : `burst-${i}`));
    const answers = await Promise.all(guesses.map((p) => signIn(email, p, addr)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toEqual([]);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(8);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(32);
  });
});
