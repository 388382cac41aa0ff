import type http from "node:http";
import { envFlag } from "../config";

/**
 * The header server.ts writes on every request with the TCP peer's address (req.socket.remoteAddress),
 * after dropping any copy the client sent: route handlers get a web `Request`, which has no socket.
 */
export const PEER_ADDRESS_HEADER = "x-switchyard-peer";

type HeaderSource = Request | http.IncomingMessage;

/** TRUST_PROXY from the environment, as lib/config.ts reads it (the server validated it at start). */
export function trustProxy(env: NodeJS.ProcessEnv = process.env): boolean {
  return envFlag(env.TRUST_PROXY);
}

function header(req: HeaderSource, name: string): string | null {
  if (req instanceof Request) return req.headers.get(name);
  const v = (req as http.IncomingMessage).headers[name];
  return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
}

/** The first value of a comma-separated forwarded header (the client's, as the first proxy saw it). */
function firstHop(value: string | null): string | null {
  const first = value?.split(",")[0]?.trim();
  return first ? first : null;
}

/** The last value: the one our own proxy appended (whatever the client wrote before it). */
function lastHop(value: string | null): string | null {
  const last = value?.split(",").pop()?.trim();
  return last ? last : null;
}

/**
 * The client's address for rate limits and logs: X-Forwarded-For's last entry when TRUST_PROXY is
 * on (the trusted proxy in front appends the address it saw; anything before it the client may
 * have written, so a spoofed first entry cannot dodge the sign-in throttle), otherwise the socket's
 * peer address; null when neither is known (a Request built outside server.ts, as in unit tests).
 * One proxy in front is assumed (docs/deployment.md).
 */
export function clientAddress(req: HeaderSource, trusted: boolean = trustProxy()): string | null {
  if (trusted) {
    const forwarded = lastHop(header(req, "x-forwarded-for"));
    if (forwarded) return forwarded;
  }
  if (!(req instanceof Request)) return (req as http.IncomingMessage).socket?.remoteAddress ?? null;
  return req.headers.get(PEER_ADDRESS_HEADER);
}

/** The Host the client addressed: X-Forwarded-Host (first hop) only when TRUST_PROXY is on. */
export function requestHost(req: HeaderSource, trusted: boolean = trustProxy()): string | null {
  return (trusted ? firstHop(header(req, "x-forwarded-host")) : null) ?? header(req, "host");
}

/** Whether the client spoke HTTPS: the request URL's scheme, or X-Forwarded-Proto only when TRUST_PROXY is on (for the cookie's Secure flag). */
export function isSecureRequest(req: Request, trusted: boolean = trustProxy()): boolean {
  if (new URL(req.url).protocol === "https:") return true;
  return trusted && firstHop(req.headers.get("x-forwarded-proto"))?.toLowerCase() === "https";
}

/** server.ts: replaces any client-sent peer header with the socket's address before Next sees the request. */
export function stampPeerAddress(req: http.IncomingMessage): void {
  delete req.headers[PEER_ADDRESS_HEADER];
  const addr = req.socket?.remoteAddress;
  if (addr) req.headers[PEER_ADDRESS_HEADER] = addr;
}
