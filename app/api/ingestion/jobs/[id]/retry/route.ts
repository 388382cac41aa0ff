import { retryJob } from "@/lib/jobs/job-commands";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const POST = route<{ id: string }>(async ({ params, runtime }) => {
  const job = await retryJob(runtime.db, params.id);
  runtime.queue.enqueue(job.id);
  runtime.events.updated(job);
  return { job };
});
