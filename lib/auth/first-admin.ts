import crypto from "node:crypto";
import type { Db } from "../db/prisma";
import { log } from "../log";
import { hashPassword, passwordProblem } from "./password";

/**
 * On first run, creates the first admin from SWITCHYARD_ADMIN_EMAIL / SWITCHYARD_ADMIN_PASSWORD
 * when set. Without them, the sign-in page offers a one-time setup form while no user exists.
 */
export async function ensureFirstAdmin(db: Db, env = process.env): Promise<void> {
  if ((await db.user.count()) > 0) return;
  const email = env.SWITCHYARD_ADMIN_EMAIL?.trim().toLowerCase();
  const password = env.SWITCHYARD_ADMIN_PASSWORD;
  if (!email || !password) {
    log.info("no users yet: open the app to create the first admin");
    return;
  }
  const problem = passwordProblem(password, email);
  if (problem) throw new Error(`SWITCHYARD_ADMIN_PASSWORD is not acceptable: ${problem}`);
  await db.user.create({ data: { id: crypto.randomUUID(), email, name: "Administrator", role: "admin", passwordHash: await hashPassword(password) } });
  log.info({ email }, "first admin created from the environment");
}
