import { deleteJob } from "@/lib/jobs/job-commands";
import { getJobDetail } from "@/lib/data/jobs";
import { idParams, route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const GET = route({ params: idParams, caseAccess: "job" }, async ({ params, runtime }) => getJobDetail(runtime.db, params.id));

/** Deletes the job with its records and errors; the case's contacts and gaps are recomputed without them. */
export const DELETE = route(
  { params: idParams, caseAccess: "job", audit: ({ params }) => ({ action: "delete", subject: { type: "job", id: params.id } }) },
  async ({ params, runtime }) => {
    await runtime.queue.cancel(params.id);
    await deleteJob(runtime.db, params.id);
    return null;
  },
);
