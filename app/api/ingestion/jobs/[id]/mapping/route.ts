import { audit } from "@/lib/auth/audit";
import { requireJobAccess } from "@/lib/auth/access";
import { confirmMapping } from "@/lib/jobs/job-commands";
import { mappingOverrideSchema } from "@/lib/schemas/mapping";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** A reviewer confirms (or corrects) the mapping: saved as a template, and the job resumes. */
export const POST = route<{ id: string }>(async ({ req, params, runtime, user }) => {
  await requireJobAccess(runtime.db, user, params.id);
  const mapping = mappingOverrideSchema.parse(await req.json());
  const job = await confirmMapping(runtime.db, params.id, mapping, user.id);
  await runtime.queue.enqueue(job.id);
  runtime.events.updated(job);
  await audit(runtime.db, user, "map", { type: "job", id: job.id }, mapping);
  return { job };
}, "reviewer");
