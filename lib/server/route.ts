import { ZodError } from "zod";
import { APP_ERROR_STATUS, AppError } from "../app-error";
import { log } from "../log";
import { getRuntime, type Runtime } from "./runtime";

type Params = Record<string, string | string[] | undefined>;
export interface RouteContext<P extends Params = Params> {
  req: Request;
  params: P;
  runtime: Runtime;
}

/**
 * The one route wrapper: resolves params, hands the handler the runtime, and turns every error
 * into `{error:{code,message}}` with a status — AppError by its code, zod errors as 400, the
 * rest as 500 without internals (the details go to the log).
 */
export function route<P extends Params = Params>(handler: (ctx: RouteContext<P>) => Promise<Response | object | null>) {
  return async (req: Request, ctx: { params: Promise<P> }): Promise<Response> => {
    try {
      const params = (await ctx?.params) ?? ({} as P);
      const result = await handler({ req, params, runtime: getRuntime() });
      if (result instanceof Response) return result;
      if (result === null) return new Response(null, { status: 204 });
      return Response.json(result);
    } catch (err) {
      return errorResponse(err);
    }
  };
}

export function errorResponse(err: unknown): Response {
  if (err instanceof AppError) return Response.json({ error: { code: err.code, message: err.message } }, { status: APP_ERROR_STATUS[err.code] });
  if (err instanceof ZodError) {
    const first = err.issues[0];
    const message = first ? `Invalid request: ${first.path.join(".") || "body"} — ${first.message}` : "Invalid request.";
    return Response.json({ error: { code: "bad_request", message } }, { status: 400 });
  }
  log.error({ err }, "unhandled route error");
  return Response.json({ error: { code: "internal", message: "Something went wrong on the server; the error was logged." } }, { status: 500 });
}

/** Parses a URL's query string with a zod schema. */
export function queryOf(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url).searchParams);
}
