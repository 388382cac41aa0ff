import { mayReadOps, opsUnauthorized } from "@/lib/ops/access";
import { renderMetrics } from "@/lib/ops/metrics";
import { publicRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** Prometheus scrape endpoint (text exposition format): `Authorization: Bearer <METRICS_TOKEN>` or an admin session, else 401. */
export const GET = publicRoute(async ({ req, runtime, user }) => {
  if (!mayReadOps(req, user, runtime.config.metricsToken)) return opsUnauthorized();
  const { body, contentType } = await renderMetrics(runtime);
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
});
