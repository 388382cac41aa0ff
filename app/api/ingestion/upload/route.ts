import { audit } from "@/lib/auth/audit";
import { AppError } from "@/lib/app-error";
import { resolveUploadCase } from "@/lib/data/cases";
import { requireCaseAccess } from "@/lib/data/case-access";
import { caseIdSchema } from "@/lib/schemas/case";
import { uploadRateLimiter } from "@/lib/server/rate-limit";
import { receiveUploads, type ReceivedFile } from "@/lib/server/receive-uploads";
import { removeUpload } from "@/lib/storage/upload-store";
import { queryOf, route } from "@/lib/server/route";
import type { UploadResponse } from "@/lib/schemas/api";

export const dynamic = "force-dynamic";

/**
 * Streams each file to ./data/uploads, creates a queued job per file in the case named by the
 * `caseId` field (or query parameter; without one, the user's most recently used case, created on
 * their first upload) and enqueues it: 202 with the job ids.
 */
export const POST = route(async ({ req, runtime, user }) => {
  const { db } = runtime;
  // A case named in the URL is checked before a byte is stored; one in the form, once it is read.
  const fromQuery = queryOf(req).caseId;
  let caseId = fromQuery === undefined ? undefined : parseCaseId(fromQuery);
  if (caseId !== undefined) await requireCaseAccess(db, user, caseId);
  // One token per file, taken as each file starts; a refused or failed request gives its tokens back.
  const limiter = uploadRateLimiter(runtime.config.uploadsPerMinute);
  let taken = 0;
  const beforeFile = () => {
    const r = limiter.take(user.id);
    if (!r.ok) throw new AppError("rate_limited", `You have uploaded more than ${limiter.perMinute} files in the last minute; wait ${r.retryAfterSeconds} seconds and try again.`);
    taken++;
  };
  let fieldCase: string | undefined;
  let files: ReceivedFile[];
  try {
    files = await receiveUploads(req, runtime.config.uploadsDir, runtime.config.maxUploadBytes, {
      beforeFile,
      onField: (name, value) => void (name === "caseId" && (fieldCase = value)),
    });
  } catch (err) {
    limiter.refund(user.id, taken);
    throw err;
  }
  try {
    caseId = await resolveUploadCase(db, user, caseId ?? (fieldCase ? parseCaseId(fieldCase) : undefined));
  } catch (err) {
    limiter.refund(user.id, taken);
    await Promise.all(files.map((f) => removeUpload(f.storedPath)));
    throw err;
  }
  const jobs: UploadResponse["jobs"] = [];
  for (const f of files) {
    const job = await runtime.queue.submit({ fileName: f.fileName, storedPath: f.storedPath, sha256: f.sha256, sizeBytes: f.sizeBytes, userId: user.id, caseId });
    runtime.events.updated(job);
    await audit(db, user, "upload", { type: "job", id: job.id }, { fileName: f.fileName, sizeBytes: f.sizeBytes, sha256: f.sha256, caseId });
    jobs.push({ id: job.id, fileName: f.fileName, sizeBytes: f.sizeBytes, sha256: f.sha256, caseId });
  }
  return Response.json({ jobs, caseId } satisfies UploadResponse, { status: 202 });
});

/** A malformed case id is answered like a case that does not exist. */
function parseCaseId(value: string): number {
  const id = caseIdSchema.safeParse(value);
  if (!id.success) throw new AppError("not_found", "There is no such case.");
  return id.data;
}
