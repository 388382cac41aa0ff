import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AppError } from "../app-error";

export interface StoredUpload {
  storedPath: string;
  sha256: string;
  sizeBytes: number;
}

/**
 * Streams an upload to `<uploadsDir>/<id>` (never the client's file name), hashing as it goes;
 * memory stays flat whatever the size. Over `maxBytes` the write stops and the partial file is removed.
 */
export async function saveUploadStream(source: Readable, uploadsDir: string, maxBytes: number, id = crypto.randomUUID()): Promise<StoredUpload> {
  fs.mkdirSync(uploadsDir, { recursive: true });
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
  try {
    await pipeline(source, meter, fs.createWriteStream(storedPath, { flags: "wx" }));
  } catch (err) {
    await fs.promises.rm(storedPath, { force: true });
    throw err;
  }
  return { storedPath, sha256: hash.digest("hex"), sizeBytes: size };
}
