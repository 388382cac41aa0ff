import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import busboy from "busboy";
import { AppError } from "../app-error";
import { saveUploadStream, type StoredUpload } from "../storage/save-upload";

export interface ReceivedFile extends StoredUpload {
  fileName: string;
}

/**
 * Streams every file part of a multipart request to the uploads directory, one after another,
 * without buffering a file in memory. The client's file name is kept only as a label.
 */
export async function receiveUploads(req: Request, uploadsDir: string, maxBytes: number): Promise<ReceivedFile[]> {
  const contentType = req.headers.get("content-type") ?? "";
  if (!contentType.startsWith("multipart/form-data") || !req.body) {
    throw new AppError("bad_request", "Send the files as multipart/form-data in a field named \"files\".");
  }
  const bb = busboy({ headers: { "content-type": contentType }, limits: { files: 100, fileSize: maxBytes + 1 } });
  const saves: Promise<ReceivedFile>[] = [];
  const done = new Promise<void>((resolve, reject) => {
    bb.on("file", (_field, stream, info) => {
      const fileName = sanitizeLabel(info.filename);
      saves.push(saveUploadStream(stream, uploadsDir, maxBytes).then((s) => ({ ...s, fileName })));
    });
    bb.on("error", (err) => reject(new AppError("bad_request", `The upload was cut off or malformed (${(err as Error).message}).`)));
    bb.on("close", () => resolve());
  });
  Readable.fromWeb(req.body as unknown as WebReadableStream<Uint8Array>).pipe(bb);
  await done;
  const files = await Promise.all(saves);
  if (files.length === 0) throw new AppError("bad_request", "No file was attached: add at least one file in the \"files\" field.");
  return files;
}

/** Display name only: strip any path and control characters; it never becomes a file path. */
function sanitizeLabel(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "upload";
  return base.replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 255) || "upload";
}
