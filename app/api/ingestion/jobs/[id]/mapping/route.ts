import { AppError } from "@/lib/app-error";
import { confirmMapping } from "@/lib/jobs/job-commands";
import { mappingOverrideSchema } from "@/lib/schemas/mapping";
import { idParams, route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** A reviewer of the job's case confirms (or corrects) the mapping: saved as a template, and the job resumes. */
export const POST = route(
  { params: idParams, caseAccess: "job", body: mappingOverrideSchema, audit: ({ params, body }) => ({ action: "map", subject: { type: "job", id: params.id }, detail: body }) },
  async ({ params, runtime, user, body, access }) => {
    if (!access?.canReview) throw new AppError("forbidden", "Confirming a mapping needs the reviewer role in this case.");
    const job = await confirmMapping(runtime.db, params.id, body, user.id);
    await runtime.queue.enqueue(job.id);
    runtime.events.updated(job);
    return { job };
  },
);
