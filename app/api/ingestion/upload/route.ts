import { audit } from "@/lib/auth/audit";
import { AppError } from "@/lib/app-error";
import { uploadRateLimiter } from "@/lib/server/rate-limit";
import { receiveUploads } from "@/lib/server/receive-uploads";
import { route } from "@/lib/server/route";
import type { UploadResponse } from "@/lib/schemas/api";

export const dynamic = "force-dynamic";

/** Streams each file to ./data/uploads, creates a queued job per file and enqueues it: 202 with the job ids. */
export const POST = route(async ({ req, runtime, user }) => {
  // One token per file, taken as each file starts; a refused or failed request gives its tokens back.
  const limiter = uploadRateLimiter(runtime.config.uploadsPerMinute);
  let taken = 0;
  const beforeFile = () => {
    const r = limiter.take(user.id);
    if (!r.ok) throw new AppError("rate_limited", `You have uploaded more than ${limiter.perMinute} files in the last minute; wait ${r.retryAfterSeconds} seconds and try again.`);
    taken++;
  };
  let files;
  try {
    files = await receiveUploads(req, runtime.config.uploadsDir, runtime.config.maxUploadBytes, { beforeFile });
  } catch (err) {
    limiter.refund(user.id, taken);
    throw err;
  }
  const jobs: UploadResponse["jobs"] = [];
  for (const f of files) {
    const job = await runtime.queue.submit({ fileName: f.fileName, storedPath: f.storedPath, sha256: f.sha256, sizeBytes: f.sizeBytes, userId: user.id });
    runtime.events.updated(job);
    await audit(runtime.db, user, "upload", { type: "job", id: job.id }, { fileName: f.fileName, sizeBytes: f.sizeBytes, sha256: f.sha256 });
    jobs.push({ id: job.id, fileName: f.fileName, sizeBytes: f.sizeBytes, sha256: f.sha256 });
  }
  return Response.json({ jobs } satisfies UploadResponse, { status: 202 });
});
