import { audit } from "@/lib/auth/audit";
import { requireJobAccess } from "@/lib/auth/access";
import { retryJob } from "@/lib/jobs/job-commands";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const POST = route<{ id: string }>(async ({ params, runtime, user }) => {
  await requireJobAccess(runtime.db, user, params.id);
  const job = await retryJob(runtime.db, params.id);
  await runtime.queue.enqueue(job.id);
  runtime.events.updated(job);
  await audit(runtime.db, user, "retry", { type: "job", id: job.id });
  return { job };
});
