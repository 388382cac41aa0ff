import crypto from "node:crypto";
import path from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AppError } from "../app-error";
import { createEncryptStream } from "../security/upload-cipher";
import { loadUploadKey } from "../security/upload-key";
import { loadConfig } from "../config";
import { configuredUploadStore, type UploadStore } from "./upload-store";

export interface StoredUpload {
  storedPath: string;
  sha256: string;
  sizeBytes: number;
}

/**
 * Streams an upload to the store — by default the configured one for `uploadsDir`:
 * `<uploadsDir>/<id>`, or the object `<prefix>/<id>` when STORAGE_URL is set — under a random id,
 * never the client's file name, so no name can traverse paths or collide; hashing and encrypting
 * as it goes (AES-256-GCM in 64 KiB chunks, lib/security/upload-cipher.ts); memory stays flat
 * whatever the size. The SHA-256 and size are of the plaintext, as the client sent it. Over
 * `maxBytes` the write stops and the partial file (or multipart upload) is removed. `key`
 * defaults to the installation's upload key (uploadsDir sits in DATA_DIR); null stores the
 * plaintext (tests of the plain path only). `storedPath` is the local path or `s3://bucket/key`.
 */
export async function saveUploadStream(
  source: Readable,
  target: string | UploadStore,
  maxBytes: number,
  id: string = crypto.randomUUID(),
  key: Buffer | null = loadUploadKey(typeof target === "string" ? path.dirname(target) : loadConfig().dataDir),
): Promise<StoredUpload> {
  if (!/^[A-Za-z0-9-]{1,64}$/.test(id)) throw new AppError("internal", "An upload id must be a plain token.");
  const store = typeof target === "string" ? configuredUploadStore(target) : target;
  const { ref: storedPath, sink, discard } = store.createSink(id);
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
  try {
    if (key) await pipeline(source, meter, createEncryptStream(key), sink);
    else await pipeline(source, meter, sink);
  } catch (err) {
    await discard();
    throw err;
  }
  return { storedPath, sha256: hash.digest("hex"), sizeBytes: size };
}
