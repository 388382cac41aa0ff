import crypto from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";

/**
 * Chunked AES-256-GCM for stored uploads, so files of any size encrypt as a stream and decrypt
 * (decrypt-file.ts) in constant memory, and every 64 KiB is authenticated before a byte of it is released.
 *
 * File = header (32 B) · chunk* · final chunk
 *   header  = "SWYENC01" · salt (16 B) · nonce prefix (8 B), all random per file
 *   chunk i = AES-256-GCM(fileKey, nonce = prefix ‖ uint32be(i), aad = header ‖ uint32be(i) ‖ last)
 *             → ciphertext (= plaintext length) · tag (16 B); plaintext is 64 KiB except in the
 *             final chunk (0–64 KiB), the only one sealed with last = 1
 *   fileKey = HKDF-SHA256(master key, salt, "switchyard upload v1")
 * A per-file key means nonces can never repeat across files under one master key. Reordered,
 * dropped or swapped chunks fail their tag (the index is in the nonce); a truncated file lacks a
 * chunk sealed as last; bytes after the last chunk are refused.
 */
export const MAGIC = Buffer.from("SWYENC01", "latin1");
const SALT_BYTES = 16;
const PREFIX_BYTES = 8;
export const HEADER_BYTES = MAGIC.length + SALT_BYTES + PREFIX_BYTES;
export const CHUNK_BYTES = 64 * 1024;
export const TAG_BYTES = 16;
/** A chunk as stored: ciphertext of CHUNK_BYTES plus its tag (all but the final chunk). */
export const SEALED_CHUNK_BYTES = CHUNK_BYTES + TAG_BYTES;
const INFO = Buffer.from("switchyard upload v1");

export class UploadCipherError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UploadCipherError";
  }
}

function fileKey(master: Buffer, salt: Buffer): Buffer {
  return Buffer.from(crypto.hkdfSync("sha256", master, salt, INFO, 32));
}

function nonce(prefix: Buffer, index: number): Buffer {
  const n = Buffer.alloc(12);
  prefix.copy(n, 0);
  n.writeUInt32BE(index, PREFIX_BYTES);
  return n;
}

function aad(header: Buffer, index: number, last: boolean): Buffer {
  const tail = Buffer.alloc(5);
  tail.writeUInt32BE(index, 0);
  tail[4] = last ? 1 : 0;
  return Buffer.concat([header, tail]);
}

/** Collects incoming buffers and hands out exact-size pieces without re-copying everything each time. */
class ByteQueue {
  private parts: Buffer[] = [];
  length = 0;

  push(b: Buffer): void {
    if (b.length === 0) return;
    this.parts.push(b);
    this.length += b.length;
  }

  take(n: number): Buffer {
    const out = Buffer.allocUnsafe(n);
    let filled = 0;
    while (filled < n) {
      const head = this.parts[0]!;
      const used = Math.min(head.length, n - filled);
      head.copy(out, filled, 0, used);
      filled += used;
      if (used === head.length) this.parts.shift();
      else this.parts[0] = head.subarray(used);
    }
    this.length -= n;
    return out;
  }
}

function assertKey(master: Buffer): void {
  if (master.length !== 32) throw new UploadCipherError("The upload encryption key must be 32 bytes.");
}

export function createEncryptStream(master: Buffer): Transform {
  assertKey(master);
  const salt = crypto.randomBytes(SALT_BYTES);
  const prefix = crypto.randomBytes(PREFIX_BYTES);
  const header = Buffer.concat([MAGIC, salt, prefix]);
  const key = fileKey(master, salt);
  const pending = new ByteQueue();
  let index = 0;
  const seal = (plain: Buffer, last: boolean): Buffer => {
    if (index === 0xffffffff) throw new UploadCipherError("The file is too large to encrypt (over 256 TB).");
    const c = crypto.createCipheriv("aes-256-gcm", key, nonce(prefix, index));
    c.setAAD(aad(header, index, last));
    const body = Buffer.concat([c.update(plain), c.final(), c.getAuthTag()]);
    index++;
    return body;
  };
  let started = false;
  return new Transform({
    transform(chunk: Buffer, _enc, cb: TransformCallback) {
      try {
        if (!started) {
          started = true;
          this.push(header);
        }
        pending.push(chunk);
        // Keep at least one byte back: the final chunk must be sealed as last, even when full.
        while (pending.length > CHUNK_BYTES) this.push(seal(pending.take(CHUNK_BYTES), false));
        cb();
      } catch (err) {
        cb(err as Error);
      }
    },
    flush(cb: TransformCallback) {
      try {
        if (!started) this.push(header);
        this.push(seal(pending.take(pending.length), true));
        cb();
      } catch (err) {
        cb(err as Error);
      }
    },
  });
}

/**
 * Opens the chunks of one file, given its header: chunk `index` authenticated as `last` or not.
 * Used by the file decryptor (decrypt-file.ts).
 */
export function chunkOpener(master: Buffer, header: Buffer): (body: Buffer, index: number, last: boolean) => Buffer {
  assertKey(master);
  if (!header.subarray(0, MAGIC.length).equals(MAGIC)) throw new UploadCipherError("The stored upload is not an encrypted Switchyard file.");
  const key = fileKey(master, header.subarray(MAGIC.length, MAGIC.length + SALT_BYTES));
  const prefix = header.subarray(MAGIC.length + SALT_BYTES);
  return (body, index, last) => {
    const d = crypto.createDecipheriv("aes-256-gcm", key, nonce(prefix, index));
    d.setAAD(aad(header, index, last));
    d.setAuthTag(body.subarray(body.length - TAG_BYTES));
    try {
      return Buffer.concat([d.update(body.subarray(0, body.length - TAG_BYTES)), d.final()]);
    } catch {
      throw new UploadCipherError(`The stored upload is damaged or was altered (chunk ${index} failed authentication).`);
    }
  };
}

export const truncatedUpload = () => new UploadCipherError("The stored upload is truncated (its final chunk is missing).");

/** Whether the first bytes of a file are the encrypted-upload header (CLI-ingested files are plain). */
export function isEncryptedHead(head: Buffer): boolean {
  return head.length >= MAGIC.length && head.subarray(0, MAGIC.length).equals(MAGIC);
}
