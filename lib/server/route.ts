import { z, ZodError, type ZodType } from "zod";
import { audit } from "../auth/audit";
import { caseScopeWhere, NO_SUCH_CASE, requireCaseAccess, requireJobAccess, type CaseAccess, type CaseScope } from "../data/case-access";
import { caseIdSchema } from "../schemas/case";
import { APP_ERROR_STATUS, AppError } from "../app-error";
import { authenticate, bearerOf, type Principal } from "../auth/authenticate";
import { API_TOKEN_PREFIX } from "../schemas/api-tokens";
import { hasRole, type Role, type SessionUser } from "../auth/roles";
import { log } from "../log";
import { getRuntime, type Runtime } from "./runtime";
import { requestHost } from "./client-address";

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

/** How a route finds the case it may touch. */
export type CaseAccessMode =
  /** `params.id` is a case id: the user must see that case. */
  | "case"
  /** `params.id` is a job id: the user must see the job's case. */
  | "job"
  /** An optional `caseId` in the query: that case (checked), or every case the user may see. */
  | "scope";

export interface RouteSpec<P extends Params, Q, B> {
  /** The least global role (default analyst). */
  role?: Role;
  /** Path-parameter schema. */
  params?: ZodType<P>;
  /** Query-string schema. */
  query?: ZodType<Q>;
  /** JSON body schema. */
  body?: ZodType<B>;
  caseAccess?: CaseAccessMode;
  /** The status of a successful JSON answer (default 200; 204 when the handler returns null). */
  status?: number;
  /** Refuse personal API tokens: only a signed-in browser session may call this (token and user administration). */
  sessionOnly?: boolean;
  /** What the audit log records after the handler succeeded (null: nothing). */
  audit?: (ctx: HandlerContext<P, Q, B>, result: unknown) => { action: string; subject?: { type: string; id: string }; detail?: unknown } | null;
}

export interface HandlerContext<P extends Params, Q, B> extends RouteContext<P> {
  query: Q;
  body: B;
  /** The case the route may touch ("case" and "job" modes, and "scope" with a caseId). */
  access: CaseAccess | null;
  /** Prisma `where` on case_id ("scope" mode): the one case, or every case the user may see. */
  scope: CaseScope;
}

/**
 * The one route wrapper, declarative: checks the session and the role, parses the query and body
 * with their zod schemas, resolves the case the request may touch (every refusal is the same
 * not_found a missing case gets), runs the handler, writes the audit entry, and turns every error
 * into `{error:{code,message}}` with a status. `route(handler, role)` is the older form, kept for
 * routes that need none of this.
 */
export function route<P extends Params = Params, Q = undefined, B = undefined>(
  spec: RouteSpec<P, Q, B>,
  handler: (ctx: HandlerContext<P, Q, B>) => Promise<Response | object | null>,
): (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;
export function route<P extends Params = Params>(
  handler: (ctx: RouteContext<P>) => Promise<Response | object | null>,
  role?: Role,
): (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;
export function route<P extends Params, Q, B>(
  specOrHandler: RouteSpec<P, Q, B> | ((ctx: RouteContext<P>) => Promise<Response | object | null>),
  handlerOrRole?: ((ctx: HandlerContext<P, Q, B>) => Promise<Response | object | null>) | Role,
) {
  if (typeof specOrHandler === "function") {
    return route<P, undefined, undefined>({ role: (handlerOrRole as Role | undefined) ?? "analyst" }, specOrHandler);
  }
  const spec = specOrHandler;
  const handler = handlerOrRole as (ctx: HandlerContext<P, Q, B>) => Promise<Response | object | null>;
  const role = spec.role ?? "analyst";
  return wrap<P>(
    async (ctx) => {
      if (!ctx.user) throw new AppError("unauthorized", "Please sign in.");
      if (!hasRole(ctx.user, role)) throw new AppError("forbidden", `This needs the ${role} role.`);
      // A token narrowed to some cases does not carry its owner's reviewer or admin reach over what
      // belongs to no case (layout templates, the audit log, privacy rules, users); routes scoped by
      // case still narrow to its cases.
      if (role !== "analyst" && ctx.user.token?.caseIds && !spec.caseAccess) throw new AppError("forbidden", TOKEN_NARROWED);
      const base = { ...ctx, params: spec.params ? spec.params.parse(ctx.params) : ctx.params } as RouteContext<P>;
      const query = (spec.query ? spec.query.parse(queryOf(ctx.req)) : undefined) as Q;
      const { access, scope } = await resolveCase(base, spec.caseAccess, query);
      const body = (spec.body ? spec.body.parse(await ctx.req.json()) : undefined) as B;
      const full: HandlerContext<P, Q, B> = { ...base, query, body, access, scope };
      const result = await handler(full);
      const entry = spec.audit?.(full, result);
      if (entry) await audit(ctx.runtime.db, base.user, entry.action, entry.subject, entry.detail);
      return spec.status && result !== null && !(result instanceof Response) ? Response.json(result, { status: spec.status }) : result;
    },
    { sessionOnly: spec.sessionOnly, needsUser: true },
  );
}

async function resolveCase<P extends Params>(ctx: RouteContext<P>, mode: CaseAccessMode | undefined, query: unknown): Promise<{ access: CaseAccess | null; scope: CaseScope }> {
  const { db } = ctx.runtime;
  if (mode === "case") {
    const id = caseIdSchema.safeParse(ctx.params.id);
    if (!id.success) throw new AppError("not_found", NO_SUCH_CASE);
    const access = await requireCaseAccess(db, ctx.user, id.data);
    return { access, scope: { caseId: id.data } };
  }
  if (mode === "job") {
    const access = await requireJobAccess(db, ctx.user, String(ctx.params.id));
    return { access, scope: { caseId: access.caseId } };
  }
  if (mode === "scope") {
    const caseId = (query as { caseId?: number } | undefined)?.caseId;
    if (caseId !== undefined) return { access: await requireCaseAccess(db, ctx.user, caseId), scope: { caseId } };
    return { access: null, scope: await caseScopeWhere(db, ctx.user, undefined) };
  }
  return { access: null, scope: {} };
}

/** For the few routes that work without a session (sign-in, first-run setup, health). */
export function publicRoute<P extends Params = Params>(handler: (ctx: PublicRouteContext<P>) => Promise<Response | object | null>, opts: { sessionOnly?: boolean } = {}) {
  return wrap<P>(handler, opts);
}

export const INVALID_API_TOKEN = "The API token is not valid (unknown, expired or revoked).";
export const READ_ONLY_TOKEN = "This API token is read-only.";
export const SESSION_ONLY = "This needs a signed-in browser session, not an API token.";
export const TOKEN_NARROWED = "This API token is limited to some cases; this needs one that reaches every case.";

/**
 * Who is calling (lib/auth/authenticate.ts, shared with the Socket.IO server). Without an
 * Authorization header: the session cookie. With `Bearer sy_…`: that API token and nothing else —
 * an invalid one is a 401, never a fall-back to a cookie sent alongside. Any other Authorization
 * (the METRICS_TOKEN bearer of /api/metrics and /api/health) is left to the route, with no user.
 */
async function principalOf(req: Request, runtime: Runtime, needsUser: boolean): Promise<Principal | null> {
  const authorization = req.headers.get("authorization");
  const bearer = bearerOf({ authorization });
  if (bearer === null) return authenticate(runtime.db, { cookie: req.headers.get("cookie") });
  if (bearer.startsWith(API_TOKEN_PREFIX)) {
    const principal = await authenticate(runtime.db, { authorization });
    if (!principal) throw new AppError("unauthorized", INVALID_API_TOKEN);
    return principal;
  }
  if (needsUser) throw new AppError("unauthorized", INVALID_API_TOKEN);
  return null;
}

function wrap<P extends Params>(handler: (ctx: PublicRouteContext<P>) => Promise<Response | object | null>, opts: { sessionOnly?: boolean | undefined; needsUser?: boolean } = {}) {
  return async (req: Request, ctx: { params: Promise<P> }): Promise<Response> => {
    try {
      const runtime = getRuntime();
      const principal = await principalOf(req, runtime, opts.needsUser ?? false);
      if (principal?.via === "token") {
        if (opts.sessionOnly) throw new AppError("forbidden", SESSION_ONLY);
        if (principal.user.token?.scope !== "write" && !["GET", "HEAD"].includes(req.method)) throw new AppError("forbidden", READ_ONLY_TOKEN);
        // No same-origin check: a bearer token is not an ambient credential a browser attaches on its own.
      } else if (!["GET", "HEAD", "OPTIONS"].includes(req.method)) {
        assertSameOrigin(req, runtime.config.trustProxy);
      }
      const params = (await ctx?.params) ?? ({} as P);
      const user = principal?.user ?? null;
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
 * ambient browser cookies of ours unless set by hand, so they are allowed. X-Forwarded-Host counts
 * only with TRUST_PROXY (else anyone could name their own origin in it).
 */
export function assertSameOrigin(req: Request, trustProxy: boolean): void {
  const origin = req.headers.get("origin");
  if (!origin) return;
  const host = requestHost(req, trustProxy);
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new AppError("forbidden", "The request's origin is not valid.");
  }
  if (originHost !== host) throw new AppError("forbidden", "Cross-site requests are not allowed.");
}

export function errorResponse(err: unknown): Response {
  if (err instanceof AppError) {
    const error = { code: err.code, message: err.message, ...(err.details !== undefined ? { details: err.details } : {}) };
    return Response.json({ error }, { status: APP_ERROR_STATUS[err.code] });
  }
  if (err instanceof ZodError) {
    const first = err.issues[0];
    const message = first ? `Invalid request: ${first.path.join(".") || "request"} — ${first.message}` : "Invalid request.";
    return Response.json({ error: { code: "bad_request", message } }, { status: 400 });
  }
  if (err instanceof SyntaxError) return Response.json({ error: { code: "bad_request", message: "The request body is not valid JSON." } }, { status: 400 });
  log.error({ err }, "unhandled route error");
  return Response.json({ error: { code: "internal", message: "Something went wrong on the server; the error was logged." } }, { status: 500 });
}

export function queryOf(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url).searchParams);
}

/** `[id]` routes' path parameters. */
export const idParams = z.object({ id: z.string() });
