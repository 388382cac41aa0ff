import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { type Env, isObjectRef, parseStorageUrl } from "./s3-client";
import { openObjectSource, removeObject, s3UploadStore, statObject } from "./s3-store";

/**
 * Where uploads are kept: DATA_DIR/uploads (the default) or object storage (STORAGE_URL=s3://…).
 * A job row's `storedPath` says which: a local path, or `s3://bucket/key`. Writing goes through
 * the store the installation is configured with; reading, stat and removal go by the reference,
 * so rows stored before a switch stay readable.
 */
export interface UploadStore {
  /** A writable for upload `id` (already encrypted bytes); `ref` is what the job row keeps. */
  createSink(id: string): UploadSink;
}

export interface UploadSink {
  ref: string;
  /** Finishing it stores the upload; destroying it with an error stores nothing. */
  sink: Writable;
  /** After a failed write: removes whatever part of the upload reached the store (awaits an S3 abort). */
  discard(): Promise<void>;
}

/** Random-access reads of a stored upload (the decryptor reads it at known offsets). */
export interface ByteSource {
  readonly size: number;
  /** Fills `into` from `position`; fewer bytes only at the end of the upload. Resolves to the bytes read. */
  read(into: Buffer, position: number): Promise<number>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /**
   * Object storage: a reader that wants only the head passes about how much it will read (one
   * ranged GET of that size, nothing prefetched); otherwise 8 MiB ranges, the next one prefetched.
   */
  headBytes?: number;
}

/**
 * What a file stream may buffer while a write is in flight. At the default 16 KiB every 64 KiB
 * chunk of the upload waited for the previous fs write to finish before the request was read on:
 * a 106 MB upload took 1.1–1.2 s on localhost with the main thread half idle; with 1 MiB the
 * stream coalesces chunks into one writev while the socket keeps flowing (0.57–0.62 s).
 */
const STREAM_BUFFER_BYTES = 1 << 20;

/** Today's store: one file per upload in `uploadsDir` (0700 directory, 0600 files, never overwritten). */
export function localUploadStore(uploadsDir: string): UploadStore {
  return {
    createSink(id) {
      fs.mkdirSync(uploadsDir, { recursive: true, mode: 0o700 });
      const ref = path.join(uploadsDir, id);
      const sink = fs.createWriteStream(ref, { flags: "wx", mode: 0o600, highWaterMark: STREAM_BUFFER_BYTES });
      return { ref, sink, discard: () => fs.promises.rm(ref, { force: true }) };
    },
  };
}

/**
 * The store new uploads go to: object storage when STORAGE_URL is set (a bad URL throws a
 * sentence saying what is wrong), otherwise `uploadsDir`.
 */
export function configuredUploadStore(uploadsDir: string, env: Env = process.env): UploadStore {
  const url = env.STORAGE_URL?.trim();
  return url ? s3UploadStore(parseStorageUrl(url), env) : localUploadStore(uploadsDir);
}

/**
 * The health check's probe: stores and removes a tiny object (or file) where new uploads go, and
 * says where that was; throws the store's own sentence when it cannot.
 */
export async function probeUploadStore(uploadsDir: string, env: Env = process.env): Promise<string> {
  const { ref, sink, discard } = configuredUploadStore(uploadsDir, env).createSink(`.health-${crypto.randomUUID()}`);
  try {
    await pipeline(Readable.from([Buffer.from("ok")]), sink);
  } finally {
    await discard();
  }
  return `${isObjectRef(ref) ? ref.slice(0, ref.lastIndexOf("/")) : uploadsDir} is writable`;
}

/** Opens a stored upload (local path or `s3://` reference) for reading at offsets. */
export async function openUploadSource(ref: string, opts: OpenOptions = {}): Promise<ByteSource> {
  if (isObjectRef(ref)) return openObjectSource(ref, opts);
  const fh = await fs.promises.open(ref, "r");
  const { size } = await fh.stat();
  return {
    size,
    async read(into, position) {
      let got = 0;
      while (got < into.length) {
        const { bytesRead } = await fh.read(into, got, into.length - got, position + got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      return got;
    },
    close: () => fh.close(),
  };
}

/** Size and last change of a stored upload (the preview cache's key); ENOENT when it is gone. */
export async function statUpload(ref: string): Promise<{ size: number; mtimeMs: number }> {
  if (isObjectRef(ref)) return statObject(ref);
  const st = await fs.promises.stat(ref);
  return { size: st.size, mtimeMs: st.mtimeMs };
}

/** Removes a stored upload; nothing happens when it is already gone. */
export async function removeUpload(ref: string): Promise<void> {
  if (isObjectRef(ref)) return removeObject(ref);
  await fs.promises.rm(ref, { force: true });
}

/**
 * Whether a job's `storedPath` is an upload the app stored (and may delete): an object-storage
 * reference, or a file in an uploads directory. CLI ingests point at the user's own file, in place.
 */
export function isStoredUpload(ref: string, uploadsDir?: string): boolean {
  if (isObjectRef(ref)) return true;
  if (uploadsDir) return path.resolve(ref).startsWith(path.resolve(uploadsDir) + path.sep);
  return ref.includes(`${path.sep}uploads${path.sep}`) || ref.includes("/uploads/");
}
