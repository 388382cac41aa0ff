import crypto from "node:crypto";
import type { Db } from "../db/prisma";
import { roleSchema, type SessionUser } from "./roles";

export const SESSION_COOKIE = "sy_session";
export const SESSION_TTL_MS = 12 * 3600 * 1000;

const tokenId = (token: string) => crypto.createHash("sha256").update(token).digest("hex");
/** The stored id of a session (SHA-256 of its cookie token). */
export const sessionIdOf = tokenId;

/** Creates a session; returns the token for the cookie (only its hash is stored). */
export async function createSession(db: Db, userId: string): Promise<{ token: string; expiresAt: Date }> {
  const token = crypto.randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await db.session.create({ data: { id: tokenId(token), userId, expiresAt } });
  return { token, expiresAt };
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.session.deleteMany({ where: { id: tokenId(token) } });
}

/** The signed-in user for a session token, or null when absent, unknown or expired. */
export async function userForToken(db: Db, token: string | null | undefined): Promise<SessionUser | null> {
  return (await sessionForToken(db, token))?.user ?? null;
}

/** The session's user and expiry, or null when absent, unknown or expired. */
export async function sessionForToken(db: Db, token: string | null | undefined): Promise<{ user: SessionUser; expiresAt: Date } | null> {
  if (!token) return null;
  const session = await db.session.findUnique({ where: { id: tokenId(token) }, include: { user: true } });
  if (!session) return null;
  if (session.expiresAt.getTime() < Date.now()) {
    await db.session.delete({ where: { id: session.id } }).catch(() => {});
    return null;
  }
  const role = roleSchema.safeParse(session.user.role);
  if (!role.success) return null;
  return { user: { id: session.user.id, email: session.user.email, name: session.user.name, role: role.data }, expiresAt: session.expiresAt };
}

/** Reads one cookie from a Cookie header. */
export function cookieValue(header: string | null | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return null;
}

export function sessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Expires=${expiresAt.toUTCString()}${secure ? "; Secure" : ""}`;
}

export const clearSessionCookie = () => `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
