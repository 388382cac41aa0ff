import fs from "node:fs";
import path from "node:path";
import { decryptFile, decryptPrefix } from "./decrypt-file";
import { CHUNK_BYTES, HEADER_BYTES, isEncryptedHead, TAG_BYTES, UploadCipherError } from "./upload-cipher";
import { loadUploadKey } from "./upload-key";
import { isObjectRef, isStorageError } from "../storage/s3-client";
import { openUploadSource, type ByteSource } from "../storage/upload-store";
import { failedOutcome } from "../ingest/failed-outcome";

export interface Plaintext {
  /** A path the extractors can read (the stored file itself when it was never encrypted). */
  path: string;
  /** Removes the decrypted copy; safe to call more than once. */
  dispose(): Promise<void>;
}

/**
 * The extractors read plain files by path (zip directories and PDF xref tables need random
 * access), so an encrypted upload is decrypted to DATA_DIR/work/<name> (directory 0700, file
 * 0600) just before it is read, and removed in the caller's `finally`. Plaintext exists on
 * disk only while a worker processes the file. Files that do not start with the encrypted
 * header (CLI ingests read in place, uploads stored before encryption) are used as they are.
 */
/** The folder of DATA_DIR that holds decrypted copies while a worker reads them. */
export const WORK_DIR = "work";

/**
 * The names the app gives plaintext copies: a job id (16 hex characters; older ids were UUIDs) or
 * `<uuid>.preview` (the mapping preview, workers/ingest-worker.ts). Anything else in work/ is not ours.
 */
const WORK_COPY_NAME = /^(?:[0-9a-f]{16}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?:\.preview)?)$/;

export function isWorkCopyName(name: string): boolean {
  return WORK_COPY_NAME.test(name);
}

/**
 * Start-up (server.ts, before any worker runs): removes every plaintext copy a killed process left
 * in DATA_DIR/work — no job can be using one yet. Only regular files with the app's own names go;
 * returns how many.
 */
export async function removeWorkCopies(dataDir: string): Promise<number> {
  const dir = path.join(dataDir, WORK_DIR);
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  let removed = 0;
  for (const e of entries) {
    if (!e.isFile() || !isWorkCopyName(e.name)) continue;
    await fs.promises.rm(path.join(dir, e.name), { force: true });
    removed++;
  }
  return removed;
}

/**
 * A readable copy of a stored upload, `storedPath` being a local path or an `s3://` reference (an
 * object is read by ranged GETs straight into the decryptor; its ciphertext never touches the disk).
 */
export async function openPlaintext(storedPath: string, dataDir: string, name: string): Promise<Plaintext> {
  const source = await openUploadSource(storedPath);
  try {
    const head = Buffer.alloc(HEADER_BYTES);
    await source.read(head, 0);
    const encrypted = isEncryptedHead(head);
    if (!encrypted && !isObjectRef(storedPath)) return { path: storedPath, dispose: async () => {} };

    const workDir = path.join(dataDir, WORK_DIR);
    await fs.promises.mkdir(workDir, { recursive: true, mode: 0o700 });
    const out = path.join(workDir, path.basename(name));
    const dispose = () => fs.promises.rm(out, { force: true });
    // A copy left by a killed worker would keep its old mode if reopened; start fresh.
    await dispose();
    try {
      if (encrypted) await decryptFile(source, out, loadUploadKey(dataDir));
      else await copyOut(source, out);
    } catch (err) {
      await dispose();
      // With object storage the machines share no DATA_DIR, so no key file either: say so.
      if (err instanceof UploadCipherError && isObjectRef(storedPath) && !process.env.SWITCHYARD_ENCRYPTION_KEY) {
        throw new UploadCipherError(`${err.message} With STORAGE_URL every web node and worker must share one SWITCHYARD_ENCRYPTION_KEY.`);
      }
      throw err;
    }
    return { path: out, dispose };
  } finally {
    await source.close();
  }
}

/** An unencrypted object (stored with no key: tests of the plain path) copied to a work file as it is. */
async function copyOut(source: ByteSource, out: string): Promise<void> {
  const fh = await fs.promises.open(out, "wx", 0o600);
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (let at = 0; at < source.size;) {
      const n = await source.read(buf, at);
      if (n === 0) break;
      await fh.write(buf, 0, n);
      at += n;
    }
  } finally {
    await fh.close();
  }
}

/**
 * The first `maxBytes` of a stored upload's plaintext, in memory (never on disk), and the whole
 * plaintext's size: what the mapping preview of a text file needs. From object storage it is one
 * ranged GET of the head (plus the HEAD request that gives the size).
 */
export async function readPlaintextHead(storedPath: string, dataDir: string, maxBytes: number): Promise<{ bytes: Buffer; size: number }> {
  // The sealed head: header plus every chunk's tag the plaintext head spans.
  const sealedHead = HEADER_BYTES + maxBytes + (Math.ceil(maxBytes / CHUNK_BYTES) + 1) * TAG_BYTES;
  const source = await openUploadSource(storedPath, { headBytes: sealedHead });
  try {
    const head = Buffer.alloc(Math.max(HEADER_BYTES, maxBytes));
    const bytesRead = await source.read(head, 0);
    if (!isEncryptedHead(head.subarray(0, bytesRead))) return { bytes: head.subarray(0, Math.min(bytesRead, maxBytes)), size: source.size };
    return await decryptPrefix(source, maxBytes, loadUploadKey(dataDir));
  } finally {
    await source.close();
  }
}

/** Runs `fn` on a readable copy of a stored upload and removes the copy afterwards, whatever happens. */
export async function withPlaintext<T>(storedPath: string, dataDir: string, name: string, fn: (plainPath: string) => Promise<T>): Promise<T> {
  const plain = await openPlaintext(storedPath, dataDir, name);
  try {
    return await fn(plain.path);
  } finally {
    await plain.dispose();
  }
}

/** A failed ingest outcome for an upload that cannot be opened: gone (retention, deleted) or damaged. */
export function unreadableUploadOutcome(err: unknown, durationMs: number) {
  const gone = (err as NodeJS.ErrnoException | null)?.code === "ENOENT";
  return gone
    ? failedOutcome("upload_missing", "The uploaded file is no longer stored (removed by retention or deleted); upload it again to load it.", { durationMs })
    : failedOutcome("upload_unreadable", `The stored upload could not be ${isStorageError(err) ? "read" : "decrypted"}: ${err instanceof Error ? err.message : String(err)}`, {
        durationMs,
      });
}
