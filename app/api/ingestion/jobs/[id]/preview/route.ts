import { requireJob } from "@/lib/jobs/job-commands";
import { loadTaskInputs } from "@/lib/jobs/load-task-inputs";
import { mappingOverrideSchema } from "@/lib/schemas/mapping";
import { idParams, route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** The first rows of the job's file normalized under a draft mapping (or the detected one when the body is empty). */
export const POST = route({ params: idParams, caseAccess: "job" }, async ({ req, params, runtime }) => {
  const job = await requireJob(runtime.db, params.id);
  const text = await req.text();
  const override = text.trim() ? mappingOverrideSchema.parse(JSON.parse(text)) : null;
  const { templates, caseRegion } = await loadTaskInputs(runtime.db, null, job.caseId);
  return runtime.previewMapping({ filePath: job.storedPath, fileName: job.fileName, templates, override, caseRegion });
});
