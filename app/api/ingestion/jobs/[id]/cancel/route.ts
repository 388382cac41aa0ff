import { cancelJob } from "@/lib/jobs/job-commands";
import { idParams, route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** Cancels the job: whatever it had loaded is removed (records, errors, and its share of contacts and gaps). */
export const POST = route(
  { params: idParams, caseAccess: "job", audit: ({ params }) => ({ action: "cancel", subject: { type: "job", id: params.id } }) },
  async ({ params, runtime }) => {
    const job = await cancelJob(runtime.db, params.id);
    await runtime.queue.cancel(job.id);
    runtime.events.updated(job);
    return { job };
  },
);
