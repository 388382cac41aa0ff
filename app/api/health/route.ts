import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const GET = route(async ({ runtime }) => {
  await runtime.db.$queryRawUnsafe("SELECT 1");
  return { ok: true, database: "ok", queueDepth: runtime.queue.depth };
});
