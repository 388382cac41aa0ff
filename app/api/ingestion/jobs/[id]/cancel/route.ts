import { audit } from "@/lib/auth/audit";
import { requireJobAccess } from "@/lib/auth/access";
import { cancelJob } from "@/lib/jobs/job-commands";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const POST = route<{ id: string }>(async ({ params, runtime, user }) => {
  await requireJobAccess(runtime.db, user, params.id);
  const job = await cancelJob(runtime.db, params.id);
  await runtime.queue.cancel(job.id);
  runtime.events.updated(job);
  await audit(runtime.db, user, "cancel", { type: "job", id: job.id });
  return { job };
});
