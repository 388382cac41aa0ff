import { confirmMapping } from "@/lib/jobs/job-commands";
import { mappingOverrideSchema } from "@/lib/schemas/mapping";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** A reviewer confirms (or corrects) the mapping: saved as a template, and the job resumes. */
export const POST = route<{ id: string }>(async ({ req, params, runtime }) => {
  const mapping = mappingOverrideSchema.parse(await req.json());
  const job = await confirmMapping(runtime.db, params.id, mapping, null);
  runtime.queue.enqueue(job.id);
  runtime.events.updated(job);
  return { job };
});
