import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import busboy from "busboy";
import { AppError } from "../app-error";
import { sanitizeLabel } from "./receive-uploads";

/**
 * One small file of a multipart request, read into memory (a cell-site list: it is parsed at once
 * and never stored, so it does not take receiveUploads' encrypted on-disk path). A file over
 * `maxBytes` stops the request at that byte with a 413; a second file or none is a 400.
 */
export async function receiveOneFile(req: Request, maxBytes: number): Promise<{ fileName: string; bytes: Uint8Array }> {
  const contentType = req.headers.get("content-type") ?? "";
  if (!contentType.startsWith("multipart/form-data") || !req.body) throw new AppError("bad_request", 'Send the list as multipart/form-data in a field named "file".');
  let bb: busboy.Busboy;
  try {
    bb = busboy({ headers: { "content-type": contentType }, defParamCharset: "utf8", limits: { files: 1, fileSize: maxBytes + 1 } });
  } catch (err) {
    throw new AppError("bad_request", `The upload is not valid multipart data (${(err as Error).message}).`);
  }
  const body = Readable.fromWeb(req.body as unknown as WebReadableStream<Uint8Array>);
  return new Promise((resolve, reject) => {
    let failed = false;
    let file: { fileName: string; bytes: Uint8Array } | null = null;
    let reading: Promise<void> | null = null;
    const fail = (err: AppError) => {
      if (failed) return;
      failed = true;
      body.unpipe(bb);
      body.destroy();
      reject(err);
    };
    bb.on("file", (_field, stream, info) => {
      const fileName = sanitizeLabel(info.filename);
      const chunks: Buffer[] = [];
      let size = 0;
      reading = new Promise<void>((done) => {
        stream.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            stream.resume();
            fail(new AppError("payload_too_large", `The list is larger than ${Math.round(maxBytes / 1024 / 1024)} MB; split it by region and upload the parts.`));
            return;
          }
          chunks.push(chunk);
        });
        stream.on("end", () => {
          if (!failed) file = { fileName, bytes: new Uint8Array(Buffer.concat(chunks)) };
          done();
        });
        stream.on("error", (err) => {
          fail(new AppError("bad_request", `The upload was cut off (${err.message}).`));
          done();
        });
      });
    });
    bb.on("filesLimit", () => fail(new AppError("bad_request", "Send one cell-site list per request.")));
    bb.on("error", (err) => fail(new AppError("bad_request", `The upload was cut off or malformed (${err instanceof Error ? err.message : String(err)}).`)));
    body.on("error", (err) => fail(new AppError("bad_request", `The upload was interrupted before it finished (${err.message}).`)));
    bb.on("close", () => {
      void Promise.resolve(reading).then(() => {
        if (failed) return;
        if (!file) fail(new AppError("bad_request", 'No file was attached: add the cell-site list in the "file" field.'));
        else resolve(file);
      });
    });
    body.pipe(bb);
  });
}
