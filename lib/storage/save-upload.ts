import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AppError } from "../app-error";
import { createEncryptStream } from "../security/upload-cipher";
import { loadUploadKey } from "../security/upload-key";

/**
 * What the file stream may buffer while a write is in flight. At the default 16 KiB every 64 KiB
 * chunk of the upload waited for the previous fs write to finish before the request was read on:
 * a 106 MB upload took 1.1–1.2 s on localhost with the main thread half idle; with 1 MiB the
 * stream coalesces chunks into one writev while the socket keeps flowing (0.57–0.62 s).
 */
const STREAM_BUFFER_BYTES = 1 << 20;

export interface StoredUpload {
  storedPath: string;
  sha256: string;
  sizeBytes: number;
}

/**
 * Streams an upload to `<uploadsDir>/<id>` (a random id, never the client's file name, so no
 * name can traverse paths or collide), hashing and encrypting as it goes (AES-256-GCM in
 * 64 KiB chunks, lib/security/upload-cipher.ts); memory stays flat whatever the size. The
 * SHA-256 and size are of the plaintext, as the client sent it. Over `maxBytes` the write
 * stops and the partial file is removed. `key` defaults to the installation's upload key
 * (uploadsDir sits in DATA_DIR); null stores the plaintext (tests of the plain path only).
 */
export async function saveUploadStream(
  source: Readable,
  uploadsDir: string,
  maxBytes: number,
  id: string = crypto.randomUUID(),
  key: Buffer | null = loadUploadKey(path.dirname(uploadsDir)),
): Promise<StoredUpload> {
  if (!/^[A-Za-z0-9-]{1,64}$/.test(id)) throw new AppError("internal", "An upload id must be a plain token.");
  fs.mkdirSync(uploadsDir, { recursive: true, mode: 0o700 });
  const storedPath = path.join(uploadsDir, id);
  const hash = crypto.createHash("sha256");
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      size += chunk.length;
      if (size > maxBytes) {
        cb(new AppError("payload_too_large", `The file is larger than the ${Math.round(maxBytes / 1024 / 1024)} MB upload limit.`));
        return;
      }
      hash.update(chunk);
      cb(null, chunk);
    },
  });
  const sink = fs.createWriteStream(storedPath, { flags: "wx", mode: 0o600, highWaterMark: STREAM_BUFFER_BYTES });
  try {
    if (key) await pipeline(source, meter, createEncryptStream(key), sink);
    else await pipeline(source, meter, sink);
  } catch (err) {
    await fs.promises.rm(storedPath, { force: true });
    throw err;
  }
  return { storedPath, sha256: hash.digest("hex"), sizeBytes: size };
}
