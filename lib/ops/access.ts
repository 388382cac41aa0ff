import crypto from "node:crypto";
import { hasRole, type SessionUser } from "../auth/roles";

const digest = (s: string) => crypto.createHash("sha256").update(s, "utf8").digest();

/** Compares two secrets in constant time (hashed first, so the length leaks nothing either). */
export function tokensMatch(given: string, expected: string): boolean {
  return crypto.timingSafeEqual(digest(given), digest(expected));
}

/**
 * Who may read /api/metrics and /api/health's details: a scraper sending
 * `Authorization: Bearer <METRICS_TOKEN>` (when the token is configured), or a signed-in admin (or an
 * admin's API token that is not narrowed to some cases).
 */
export function mayReadOps(req: Request, user: SessionUser | null, metricsToken: string | null | undefined): boolean {
  // (An admin's API token narrowed to some cases does not reach node-wide figures.)
  if (user && hasRole(user, "admin") && !user.token?.caseIds) return true;
  if (!metricsToken) return false;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.get("authorization") ?? "");
  return m ? tokensMatch(m[1]!, metricsToken) : false;
}

/** The 401 an unauthorised scrape gets: nothing about the node. */
export function opsUnauthorized(): Response {
  return Response.json(
    { error: { code: "unauthorized", message: "Send Authorization: Bearer <METRICS_TOKEN>, or sign in as an admin." } },
    { status: 401, headers: { "www-authenticate": 'Bearer realm="switchyard"', "cache-control": "no-store" } },
  );
}
