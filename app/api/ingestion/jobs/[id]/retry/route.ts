import { retryJob } from "@/lib/jobs/job-commands";
import { idParams, route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const POST = route(
  { params: idParams, caseAccess: "job", audit: ({ params }) => ({ action: "retry", subject: { type: "job", id: params.id } }) },
  async ({ params, runtime }) => {
    const job = await retryJob(runtime.db, params.id);
    await runtime.queue.enqueue(job.id);
    runtime.events.updated(job);
    return { job };
  },
);
