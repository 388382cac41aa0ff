import crypto from "node:crypto";
import type { Db } from "../db/prisma";
import { AppError } from "../app-error";
import { caseAccessOf, NO_SUCH_CASE } from "../data/case-access";
import { log } from "../log";
import { API_TOKEN_PREFIX, DEFAULT_TOKEN_DAYS, tokenScopeSchema, type ApiTokenDto, type CreateTokenBody, type CreateTokenResponse } from "../schemas/api-tokens";
import type { Principal } from "./authenticate";
import { hasRole, roleSchema, type SessionUser } from "./roles";

/**
 * Personal API tokens (issue 19). A token is `sy_` + 43 base64url characters (32 random bytes);
 * only its SHA-256 is stored, so a database leak hands out no live token, and the lookup by that
 * hash (a unique index) compares nothing secret character by character. A token acts as its owner
 * (their current role and case memberships), narrowed by its scope and, optionally, to some cases.
 */

export const NO_SUCH_TOKEN = "There is no such API token.";
/** How many live (unrevoked) tokens one user may hold. */
export const MAX_TOKENS_PER_USER = 50;
/** lastUsedAt is written at most this often per token (a busy script does not write on every request). */
export const LAST_USED_RESOLUTION_MS = 60_000;
const DAY_MS = 24 * 3600 * 1000;

const secretHashOf = (secret: string) => crypto.createHash("sha256").update(secret, "utf8").digest("hex");

/** Creates a token for `user`; the answer carries the secret, which is never shown again. */
export async function createApiToken(db: Db, user: SessionUser, body: CreateTokenBody): Promise<CreateTokenResponse> {
  // (The routes are session-only; this keeps a token from minting tokens whatever calls it.)
  if (user.token) throw new AppError("forbidden", "This needs a signed-in browser session, not an API token.");
  const caseIds = body.caseIds ? [...new Set(body.caseIds)].sort((a, b) => a - b) : null;
  for (const caseId of caseIds ?? []) {
    if (!(await caseAccessOf(db, user, caseId))) throw new AppError("not_found", NO_SUCH_CASE);
  }
  const live = await db.apiToken.count({ where: { userId: user.id, revokedAt: null, expiresAt: { gt: new Date() } } });
  if (live >= MAX_TOKENS_PER_USER) throw new AppError("conflict", `You already have ${MAX_TOKENS_PER_USER} API tokens; revoke one first.`);
  const secret = API_TOKEN_PREFIX + crypto.randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + (body.expiresInDays ?? DEFAULT_TOKEN_DAYS) * DAY_MS);
  const row = await db.apiToken.create({
    data: {
      id: crypto.randomUUID(),
      userId: user.id,
      name: body.name,
      secretHash: secretHashOf(secret),
      hint: secret.slice(0, API_TOKEN_PREFIX.length + 4),
      scope: body.scope,
      caseIds: caseIds ? JSON.stringify(caseIds) : null,
      expiresAt,
    },
  });
  return { id: row.id, token: secret, expiresAt: row.expiresAt.toISOString() };
}

type TokenRow = { id: string; name: string; hint: string; scope: string; caseIds: string | null; createdAt: Date; expiresAt: Date; lastUsedAt: Date | null };

function toDto(t: TokenRow): ApiTokenDto {
  return {
    id: t.id,
    name: t.name,
    scope: t.scope === "write" ? "write" : "read",
    caseIds: parseCaseIds(t.caseIds) ?? null,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    hint: t.hint,
  };
}

/** The user's tokens that are not revoked, newest first; expired ones are listed too (their expiresAt says so). Never the secret. */
export async function listApiTokens(db: Db, userId: string): Promise<ApiTokenDto[]> {
  const rows = await db.apiToken.findMany({ where: { userId, revokedAt: null }, orderBy: [{ createdAt: "desc" }, { id: "asc" }] });
  return rows.map(toDto);
}

/** Revokes one of the user's own tokens (an admin: anyone's); anything else is the same not_found. Returns what the audit log needs. */
export async function revokeApiToken(db: Db, user: SessionUser, id: string): Promise<{ id: string; userId: string; name: string }> {
  const row = typeof id === "string" ? await db.apiToken.findUnique({ where: { id }, select: { id: true, userId: true, name: true, revokedAt: true } }) : null;
  if (!row || row.revokedAt || (row.userId !== user.id && !hasRole(user, "admin"))) throw new AppError("not_found", NO_SUCH_TOKEN);
  await db.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  return { id: row.id, userId: row.userId, name: row.name };
}

/**
 * Who a presented secret acts as, or null when it is malformed, unknown, revoked, expired, or its
 * owner is gone (the foreign key deletes their tokens) or has a role this build does not know.
 */
export async function principalForApiToken(db: Db, secret: string): Promise<Principal | null> {
  if (typeof secret !== "string" || !secret.startsWith(API_TOKEN_PREFIX) || secret.length > 200) return null;
  const row = await db.apiToken.findUnique({ where: { secretHash: secretHashOf(secret) }, include: { user: true } });
  if (!row || row.revokedAt) return null;
  const now = new Date();
  if (row.expiresAt.getTime() <= now.getTime()) return null;
  const role = roleSchema.safeParse(row.user?.role);
  const scope = tokenScopeSchema.safeParse(row.scope);
  const caseIds = parseCaseIds(row.caseIds);
  if (!row.user || !role.success || !scope.success || caseIds === undefined) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    const before = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
    await db.apiToken
      .updateMany({ where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: before } }] }, data: { lastUsedAt: now } })
      .catch((err: unknown) => log.warn({ err, tokenId: row.id }, "could not record an API token's last use"));
  }
  return {
    user: { id: row.user.id, email: row.user.email, name: row.user.name, role: role.data, token: { id: row.id, scope: scope.data, caseIds } },
    via: "token",
    credentialId: row.id,
    expiresAt: row.expiresAt,
  };
}

/** The stored JSON case list: null (every case), the ids, or undefined when it is corrupt (the token then fails closed). */
function parseCaseIds(stored: string | null): number[] | null | undefined {
  if (stored === null) return null;
  try {
    const v: unknown = JSON.parse(stored);
    if (Array.isArray(v) && v.every((n) => Number.isSafeInteger(n) && (n as number) > 0)) return v as number[];
  } catch {
    /* corrupt */
  }
  return undefined;
}
