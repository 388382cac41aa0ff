import { ZodError } from "zod";
import { APP_ERROR_STATUS, AppError } from "../app-error";
import { cookieValue, SESSION_COOKIE, userForToken } from "../auth/session";
import { hasRole, type Role, type SessionUser } from "../auth/roles";
import { log } from "../log";
import { getRuntime, type Runtime } from "./runtime";

type Params = Record<string, string | string[] | undefined>;
export interface RouteContext<P extends Params = Params> {
  req: Request;
  params: P;
  runtime: Runtime;
  user: SessionUser;
}
export interface PublicRouteContext<P extends Params = Params> extends Omit<RouteContext<P>, "user"> {
  user: SessionUser | null;
}

/**
 * The one route wrapper: checks the session and the role (default: any signed-in user), refuses
 * cross-site state changes, resolves params, and turns every error into `{error:{code,message}}`
 * with a status — AppError by its code, zod errors as 400, the rest as 500 without internals.
 */
export function route<P extends Params = Params>(handler: (ctx: RouteContext<P>) => Promise<Response | object | null>, role: Role = "analyst") {
  return wrap<P>(async (ctx) => {
    if (!ctx.user) throw new AppError("unauthorized", "Please sign in.");
    if (!hasRole(ctx.user, role)) throw new AppError("forbidden", `This needs the ${role} role.`);
    return handler(ctx as RouteContext<P>);
  });
}

/** For the few routes that work without a session (sign-in, first-run setup, health). */
export function publicRoute<P extends Params = Params>(handler: (ctx: PublicRouteContext<P>) => Promise<Response | object | null>) {
  return wrap<P>(handler);
}

function wrap<P extends Params>(handler: (ctx: PublicRouteContext<P>) => Promise<Response | object | null>) {
  return async (req: Request, ctx: { params: Promise<P> }): Promise<Response> => {
    try {
      if (!["GET", "HEAD", "OPTIONS"].includes(req.method)) assertSameOrigin(req);
      const runtime = getRuntime();
      const params = (await ctx?.params) ?? ({} as P);
      const user = await userForToken(runtime.db, cookieValue(req.headers.get("cookie"), SESSION_COOKIE));
      const result = await handler({ req, params, runtime, user });
      if (result instanceof Response) return result;
      if (result === null) return new Response(null, { status: 204 });
      return Response.json(result);
    } catch (err) {
      return errorResponse(err);
    }
  };
}

/**
 * CSRF defence for cookie-authenticated writes: a browser always sends Origin on cross-site
 * POST/DELETE; it must name this host. Requests without Origin (curl, the CLI's peers) carry no
 * ambient browser cookies of ours unless set by hand, so they are allowed.
 */
function assertSameOrigin(req: Request): void {
  const origin = req.headers.get("origin");
  if (!origin) return;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new AppError("forbidden", "The request's origin is not valid.");
  }
  if (originHost !== host) throw new AppError("forbidden", "Cross-site requests are not allowed.");
}

export function errorResponse(err: unknown): Response {
  if (err instanceof AppError) return Response.json({ error: { code: err.code, message: err.message } }, { status: APP_ERROR_STATUS[err.code] });
  if (err instanceof ZodError) {
    const first = err.issues[0];
    const message = first ? `Invalid request: ${first.path.join(".") || "body"} — ${first.message}` : "Invalid request.";
    return Response.json({ error: { code: "bad_request", message } }, { status: 400 });
  }
  if (err instanceof SyntaxError) return Response.json({ error: { code: "bad_request", message: "The request body is not valid JSON." } }, { status: 400 });
  log.error({ err }, "unhandled route error");
  return Response.json({ error: { code: "internal", message: "Something went wrong on the server; the error was logged." } }, { status: 500 });
}

export function queryOf(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url).searchParams);
}
