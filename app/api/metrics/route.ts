import { renderMetrics } from "@/lib/ops/metrics";
import { publicRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** Prometheus scrape endpoint (text exposition format). */
export const GET = publicRoute(async ({ runtime }) => {
  const { body, contentType } = await renderMetrics(runtime);
  return new Response(body, { headers: { "content-type": contentType } });
});
