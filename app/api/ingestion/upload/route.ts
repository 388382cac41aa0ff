import { audit } from "@/lib/auth/audit";
import { receiveUploads } from "@/lib/server/receive-uploads";
import { route } from "@/lib/server/route";
import type { UploadResponse } from "@/lib/schemas/api";

export const dynamic = "force-dynamic";

/** Streams each file to ./data/uploads, creates a queued job per file and enqueues it: 202 with the job ids. */
export const POST = route(async ({ req, runtime, user }) => {
  const files = await receiveUploads(req, runtime.config.uploadsDir, runtime.config.maxUploadBytes);
  const jobs: UploadResponse["jobs"] = [];
  for (const f of files) {
    const job = await runtime.queue.submit({ fileName: f.fileName, storedPath: f.storedPath, sha256: f.sha256, sizeBytes: f.sizeBytes, userId: user.id });
    runtime.events.updated(job);
    await audit(runtime.db, user, "upload", { type: "job", id: job.id }, { fileName: f.fileName, sizeBytes: f.sizeBytes, sha256: f.sha256 });
    jobs.push({ id: job.id, fileName: f.fileName, sizeBytes: f.sizeBytes, sha256: f.sha256 });
  }
  return Response.json({ jobs } satisfies UploadResponse, { status: 202 });
});
