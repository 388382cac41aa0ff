import { checkHealth } from "@/lib/ops/health";
import { publicRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** Database, queue, upload storage and free disk: 200 when all pass, 503 (same body) when one fails. */
export const GET = publicRoute(async ({ runtime }) => {
  const report = await checkHealth(runtime);
  return Response.json(report, { status: report.ok ? 200 : 503 });
});
