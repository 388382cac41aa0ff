import type { Db } from "../db/prisma";
import { log } from "../log";
import { audit } from "./audit";
import { verifyPassword } from "./password";
import { accountKey, ACCOUNT_RULE, addressKey, ADDRESS_RULE, clearThrottle, lockedFor, pruneThrottles, recordFailure } from "./sign-in-throttle";
import { findUserByEmail } from "./user-commands";

/** Verified against for an unknown e-mail: the same answer, in roughly the same time, as a wrong password. */
const DUMMY_HASH = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

export type SignInOutcome = { kind: "ok"; user: { id: string; email: string; name: string; role: string } } | { kind: "wrong" } | { kind: "throttled"; retryAfterSeconds: number };

export const throttledMessage = (seconds: number) => `Too many failed sign-ins. Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`;

/**
 * One sign-in attempt, throttled per account and per client address (lib/auth/sign-in-throttle.ts).
 * A locked account or address is refused before the password is checked, the right password
 * included. The lock is checked again after the (slow) password check, so a burst of parallel
 * guesses sent before the first failure was counted is refused too, whatever its passwords.
 * Failures are audited (`auth.sign_in_failed`, the e-mail tried and the address; never the
 * password) and logged.
 */
export async function attemptSignIn(db: Db, input: { email: string; password: string; address: string }, now: Date): Promise<SignInOutcome> {
  const { email, password, address } = input;
  const keys = [accountKey(email), addressKey(address)];
  const before = await lockedFor(db, keys, now);
  if (before > 0) {
    log.warn({ email, address, retryAfterSeconds: before }, "sign-in refused: throttled");
    return { kind: "throttled", retryAfterSeconds: before };
  }
  const user = await findUserByEmail(db, email);
  const ok = await verifyPassword(password, user ? user.passwordHash : DUMMY_HASH);
  if (ok && user) {
    const after = await lockedFor(db, keys, now);
    if (after > 0) {
      log.warn({ email, address, retryAfterSeconds: after }, "sign-in refused: throttled");
      return { kind: "throttled", retryAfterSeconds: after };
    }
    await clearThrottle(db, accountKey(email));
    return { kind: "ok", user: { id: user.id, email: user.email, name: user.name, role: user.role } };
  }
  const after = await lockedFor(db, keys, now);
  await audit(db, null, "auth.sign_in_failed", user ? { type: "user", id: user.id } : undefined, { email, address, ...(after > 0 ? { throttled: true } : {}) });
  if (after > 0) {
    // Locked meanwhile by parallel failures: refused like any attempt during a lock, and not counted.
    log.warn({ email, address, retryAfterSeconds: after }, "sign-in failed and refused: throttled");
    return { kind: "throttled", retryAfterSeconds: after };
  }
  const accountFailures = await recordFailure(db, accountKey(email), ACCOUNT_RULE, now);
  const addressFailures = await recordFailure(db, addressKey(address), ADDRESS_RULE, now);
  log.warn({ email, address, knownUser: !!user, accountFailures, addressFailures }, "sign-in failed");
  if (Math.random() < 0.02) await pruneThrottles(db, now);
  return { kind: "wrong" };
}
