import { publicRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const GET = publicRoute(async ({ runtime }) => {
  await runtime.db.$queryRawUnsafe("SELECT 1");
  return { ok: true, database: "ok", queueDepth: runtime.queue.depth };
});
