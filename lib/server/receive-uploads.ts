import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import busboy from "busboy";
import { AppError } from "../app-error";
import { saveUploadStream, type StoredUpload } from "../storage/save-upload";
import { removeUpload } from "../storage/upload-store";

export interface ReceivedFile extends StoredUpload {
  fileName: string;
}

export interface ReceiveOptions {
  /** Called as each file part starts (before any byte is stored); throw an AppError to refuse it (rate limit). */
  beforeFile?: (fileName: string) => void;
  /** Text fields of the form (such as `caseId`), as they arrive. */
  onField?: (name: string, value: string) => void;
}

const MAX_FILES_PER_REQUEST = 100;

/**
 * Streams every file part of a multipart request to the uploads directory without buffering a
 * file in memory. The client's file name is kept only as a label; files are stored by id.
 * All or nothing: the first failure (a file over the size limit, a refused file, a cut-off or
 * malformed body) stops the whole request at once, destroys the streams still open (so nothing
 * waits on them), removes every file this request already stored, and rejects with an AppError.
 */
export async function receiveUploads(req: Request, uploadsDir: string, maxBytes: number, opts: ReceiveOptions = {}): Promise<ReceivedFile[]> {
  const contentType = req.headers.get("content-type") ?? "";
  if (!contentType.startsWith("multipart/form-data") || !req.body) {
    throw new AppError("bad_request", 'Send the files as multipart/form-data in a field named "files".');
  }
  let bb: busboy.Busboy;
  try {
    // Browsers send a file name's UTF-8 bytes raw inside filename="…"; busboy's default reads
    // them as Latin-1 ("TÃ©lÃ©phone"). RFC 5987 filename*=UTF-8''… is decoded either way.
    bb = busboy({ headers: { "content-type": contentType }, defParamCharset: "utf8", limits: { files: MAX_FILES_PER_REQUEST, fileSize: maxBytes + 1 } });
  } catch (err) {
    throw new AppError("bad_request", `The upload is not valid multipart data (${(err as Error).message}).`);
  }
  const body = Readable.fromWeb(req.body as unknown as WebReadableStream<Uint8Array>);
  const saves: Promise<ReceivedFile>[] = [];
  const open = new Set<Readable>();

  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      const fail = (err: unknown) => {
        if (failed) return;
        failed = true;
        body.unpipe(bb);
        body.destroy();
        const reason = err instanceof AppError ? err : new AppError("bad_request", `The upload was cut off or malformed (${err instanceof Error ? err.message : String(err)}).`);
        for (const s of open) s.destroy(reason);
        reject(reason);
      };
      bb.on("file", (_field, stream, info) => {
        if (failed) {
          stream.resume();
          return;
        }
        const fileName = sanitizeLabel(info.filename);
        try {
          opts.beforeFile?.(fileName);
        } catch (err) {
          stream.resume();
          fail(err);
          return;
        }
        open.add(stream);
        const save = saveUploadStream(stream, uploadsDir, maxBytes).then((s) => ({ ...s, fileName }));
        save.then(() => open.delete(stream), fail);
        saves.push(save);
      });
      bb.on("field", (name, value) => opts.onField?.(name, value));
      bb.on("filesLimit", () => fail(new AppError("payload_too_large", `At most ${MAX_FILES_PER_REQUEST} files can be sent in one request.`)));
      bb.on("error", fail);
      body.on("error", (err) => fail(new AppError("bad_request", `The upload was interrupted before it finished (${err.message}).`)));
      bb.on("close", () => resolve());
      body.pipe(bb);
    });
    const files = await Promise.all(saves);
    if (files.length === 0) throw new AppError("bad_request", 'No file was attached: add at least one file in the "files" field.');
    return files;
  } catch (err) {
    // Every save has ended by now (its stream finished or was destroyed above); remove what got stored.
    const settled = await Promise.allSettled(saves);
    await Promise.all(settled.map((s) => (s.status === "fulfilled" ? removeUpload(s.value.storedPath) : undefined)));
    throw err;
  }
}

/**
 * Bidirectional controls (LRM/RLM/ALM, the embeddings and overrides U+202A–E, the isolates
 * U+2066–9): a right-to-left override makes "invoice\u202Egpj.exe" display as "invoiceexe.jpg".
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Display name only (it never becomes a file path): the last path segment, NFC, without control
 * or bidirectional-control characters, at most 255 characters (not cutting a surrogate pair).
 */
export function sanitizeLabel(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "upload";
  const clean = base
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, "")
    .replace(BIDI_CONTROLS, "")
    .trim();
  return Array.from(clean).slice(0, 255).join("") || "upload";
}
