import type http from "node:http";
import type { Db } from "../db/prisma";
import { authenticate } from "../auth/authenticate";

/** Pages anyone may open: sign-in (and first-run setup on it) and the public API reference. */
export const PUBLIC_PAGES = ["/sign-in", "/api-docs"];

/**
 * True for a request that renders an app page: not the API, not Next's assets, not Socket.IO, not
 * a file from public/ (a name with an extension), not a public page.
 */
export function isGatedPage(method: string | undefined, pathname: string): boolean {
  if (method !== "GET" && method !== "HEAD") return false;
  if (pathname.startsWith("/api/") || pathname.startsWith("/_next/") || pathname.startsWith("/socket.io/")) return false;
  if (/\.[a-z0-9]+$/i.test(pathname)) return false;
  return !PUBLIC_PAGES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

/**
 * Issue 18: an unauthenticated request for a page used to get a 200 shell that redirected only
 * after JavaScript ran. The server now answers 307 → /sign-in?next=<the page> before Next renders
 * anything (the API refuses on its own; the client-side guard stays for sessions that end while
 * a page is open). Returns true when it answered.
 */
export async function redirectSignedOutPage(req: http.IncomingMessage, res: http.ServerResponse, db: () => Db): Promise<boolean> {
  const url = new URL(req.url ?? "/", "http://x");
  if (!isGatedPage(req.method, url.pathname)) return false;
  // A database error is not a sign-out: let the page render (its API calls will say what is wrong).
  const principal = await authenticate(db(), { cookie: req.headers.cookie }).catch(() => "unknown" as const);
  if (principal) return false;
  const next = url.pathname + url.search;
  res.writeHead(307, { location: `/sign-in?next=${encodeURIComponent(next)}`, "cache-control": "no-store" });
  res.end();
  return true;
}
