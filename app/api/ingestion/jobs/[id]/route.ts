import { audit } from "@/lib/auth/audit";
import { requireJobAccess } from "@/lib/auth/access";
import { deleteJob } from "@/lib/jobs/job-commands";
import { getJobDetail } from "@/lib/jobs/job-queries";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const GET = route<{ id: string }>(async ({ params, runtime, user }) => {
  await requireJobAccess(runtime.db, user, params.id);
  return getJobDetail(runtime.db, params.id);
});

/** Deletes the job with its records and errors. */
export const DELETE = route<{ id: string }>(async ({ params, runtime, user }) => {
  await requireJobAccess(runtime.db, user, params.id);
  await runtime.queue.cancel(params.id);
  await deleteJob(runtime.db, params.id);
  await audit(runtime.db, user, "delete", { type: "job", id: params.id });
  return null;
});
