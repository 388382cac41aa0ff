import { mayReadOps } from "@/lib/ops/access";
import { checkHealth } from "@/lib/ops/health";
import { publicRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/**
 * Database, queue, upload storage and free disk: 200 when all pass, 503 when one fails. Anyone
 * (a load balancer) gets only `{status}`; the checks (paths, free space) need
 * `Authorization: Bearer <METRICS_TOKEN>` or an admin session.
 */
export const GET = publicRoute(async ({ req, runtime, user }) => {
  const report = await checkHealth(runtime);
  const status = report.ok ? "ok" : "degraded";
  const body = mayReadOps(req, user, runtime.config.metricsToken) ? { status, ...report } : { status };
  return Response.json(body, { status: report.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
});
