import type { Db } from "../db/prisma";
import type { SessionUser } from "./roles";
import { principalForApiToken } from "./api-tokens";
import { cookieValue, SESSION_COOKIE, sessionForToken, sessionIdOf } from "./session";

/**
 * Who is calling, from either credential: the session cookie (browser) or
 * `Authorization: Bearer <token>` (a personal API token; the Socket.IO handshake may also pass it
 * as `auth.token`). The HTTP route wrapper and the Socket.IO server both call this, so they can
 * never disagree about who someone is.
 */
export interface Principal {
  user: SessionUser;
  /** Which credential: socket lifetimes follow it (sign-out ends a session's sockets, revocation a token's). */
  via: "session" | "token";
  /** The session's id (SHA-256 of the cookie) or the API token's id. */
  credentialId: string;
  /** When the credential stops working; sockets are cut then. */
  expiresAt: Date;
}

export interface Credentials {
  cookie?: string | null;
  authorization?: string | null;
  /** Socket.IO `handshake.auth.token`. */
  token?: unknown;
}

export async function authenticate(db: Db, creds: Credentials): Promise<Principal | null> {
  const bearer = bearerOf(creds);
  if (bearer !== null) return principalForApiToken(db, bearer);
  const cookieToken = cookieValue(creds.cookie, SESSION_COOKIE);
  if (!cookieToken) return null;
  const found = await sessionForToken(db, cookieToken);
  if (!found) return null;
  return { user: found.user, via: "session", credentialId: sessionIdOf(cookieToken), expiresAt: found.expiresAt };
}

/** The bearer secret, when one was presented (a presented but malformed one still counts: it must fail, not fall back to the cookie). */
export function bearerOf(creds: Credentials): string | null {
  if (typeof creds.token === "string" && creds.token) return creds.token;
  const h = creds.authorization?.trim();
  if (!h) return null;
  const m = /^Bearer\s+(.+)$/i.exec(h);
  return m ? m[1]!.trim() : "";
}
