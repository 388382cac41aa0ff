import { deleteJob } from "@/lib/jobs/job-commands";
import { getJobDetail } from "@/lib/jobs/job-queries";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const GET = route<{ id: string }>(async ({ params, runtime }) => getJobDetail(runtime.db, params.id));

export const DELETE = route<{ id: string }>(async ({ params, runtime }) => {
  runtime.queue.cancel(params.id);
  await deleteJob(runtime.db, params.id);
  return null;
});
