import { cancelJob } from "@/lib/jobs/job-commands";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const POST = route<{ id: string }>(async ({ params, runtime }) => {
  const job = await cancelJob(runtime.db, params.id);
  runtime.queue.cancel(job.id);
  runtime.events.updated(job);
  return { job };
});
