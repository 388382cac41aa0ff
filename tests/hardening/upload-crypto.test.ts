import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable, Writable, type Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { afterAll, describe, expect, it } from "vitest";
import { decryptFile } from "../../lib/security/decrypt-file";
import { openPlaintext } from "../../lib/security/plaintext-copy";
import { CHUNK_BYTES, createEncryptStream, HEADER_BYTES } from "../../lib/security/upload-cipher";
import { keyFilePath, loadUploadKey } from "../../lib/security/upload-key";
import { saveUploadStream } from "../../lib/storage/save-upload";
import { tempDataDir } from "../support/temp-db";

const tmp = tempDataDir("switchyard-crypto-");
afterAll(() => tmp.cleanup());
const KEY = crypto.randomBytes(32);
const NO_ENV = {};

/** Splits `data` into randomly sized pieces, as a network stream would deliver it. */
function ragged(data: Buffer): Readable {
  const pieces: Buffer[] = [];
  for (let i = 0; i < data.length;) {
    const n = 1 + crypto.randomInt(90_000);
    pieces.push(data.subarray(i, i + n));
    i += n;
  }
  return Readable.from(pieces);
}

async function collect(src: Readable, transform: Transform): Promise<Buffer> {
  const out: Buffer[] = [];
  await pipeline(src, transform, new Writable({ write: (c: Buffer, _e, cb) => (out.push(c), cb()) }));
  return Buffer.concat(out);
}

const seal = (plain: Buffer) => collect(ragged(plain), createEncryptStream(KEY));
let files = 0;
/** As the worker reads an upload (plaintext-copy.ts): the stored file decrypted into a new file. */
async function open(sealed: Buffer, key = KEY): Promise<Buffer> {
  const src = path.join(tmp.dir, `sealed-${++files}`);
  fs.writeFileSync(src, sealed);
  const dst = `${src}.plain`;
  try {
    await decryptFile(src, dst, key);
    return fs.readFileSync(dst);
  } finally {
    fs.rmSync(dst, { force: true });
  }
}

describe("chunked AES-256-GCM for stored uploads", () => {
  it("round-trips every size around the chunk boundary, and the ciphertext hides the plaintext", async () => {
    for (const n of [0, 1, CHUNK_BYTES - 1, CHUNK_BYTES, CHUNK_BYTES + 1, 3 * CHUNK_BYTES, 200_003]) {
      const plain = Buffer.from("Date,Caller,Callee\n".repeat(Math.ceil(n / 19) + 1)).subarray(0, n);
      const sealed = await seal(plain);
      expect(sealed.length).toBe(HEADER_BYTES + n + 16 * Math.max(1, Math.ceil(n / CHUNK_BYTES)));
      if (n > 40) expect(sealed.includes(plain.subarray(0, 40))).toBe(false);
      expect((await open(sealed)).equals(plain)).toBe(true);
    }
    // More than one step of the decryptor (16 chunks), ending mid-chunk.
    const big = crypto.randomBytes(40 * CHUNK_BYTES + 12_345);
    expect((await open(await seal(big))).equals(big)).toBe(true);
  });

  it("refuses a flipped bit, a dropped chunk, a truncated tail, trailing bytes and the wrong key", async () => {
    const plain = crypto.randomBytes(3 * CHUNK_BYTES + 500);
    const sealed = await seal(plain);
    const flipped = Buffer.from(sealed);
    flipped[HEADER_BYTES + CHUNK_BYTES + 7]! ^= 1;
    await expect(open(flipped)).rejects.toThrow(/damaged or was altered/);
    const sealedChunk = CHUNK_BYTES + 16;
    const dropped = Buffer.concat([sealed.subarray(0, HEADER_BYTES + sealedChunk), sealed.subarray(HEADER_BYTES + 2 * sealedChunk)]);
    await expect(open(dropped)).rejects.toThrow(/damaged or was altered/);
    // Cut exactly at a chunk boundary: every remaining chunk is intact, but none is sealed as last.
    await expect(open(sealed.subarray(0, HEADER_BYTES + 2 * sealedChunk))).rejects.toThrow(/damaged or was altered|truncated/);
    await expect(open(Buffer.concat([sealed, Buffer.from("extra")]))).rejects.toThrow(/damaged or was altered/);
    await expect(open(sealed, crypto.randomBytes(32))).rejects.toThrow(/damaged or was altered/);
    await expect(open(sealed.subarray(0, 10))).rejects.toThrow(/truncated/);
    await expect(open(sealed.subarray(0, HEADER_BYTES + 5))).rejects.toThrow(/truncated/);
  });

  it("streams 96 MB through encryption and decryption in constant memory", async () => {
    let produced = 0;
    const total = 96 * 1024 * 1024;
    const block = crypto.randomBytes(1024 * 1024);
    const source = new Readable({
      read() {
        if (produced >= total) return void this.push(null);
        produced += block.length;
        this.push(block);
      },
    });
    const sealedPath = path.join(tmp.dir, "big.sealed");
    const plainPath = path.join(tmp.dir, "big.plain");
    await pipeline(source, createEncryptStream(KEY), fs.createWriteStream(sealedPath));
    const before = process.memoryUsage().rss;
    let peak = 0;
    const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss - before)), 5);
    try {
      await decryptFile(sealedPath, plainPath, KEY);
    } finally {
      clearInterval(sample);
    }
    peak = Math.max(peak, process.memoryUsage().rss - before);
    expect(fs.statSync(plainPath).size).toBe(total);
    expect(peak).toBeLessThan(64 * 1024 * 1024);
    fs.rmSync(sealedPath);
    fs.rmSync(plainPath);
  }, 60_000);
});

describe("upload key and storage", () => {
  it("generates DATA_DIR/keys/upload.key once, mode 0600 in a 0700 directory; SWITCHYARD_ENCRYPTION_KEY wins; a bad one is refused", () => {
    const dir = path.join(tmp.dir, "k1");
    const a = loadUploadKey(dir, NO_ENV);
    expect(a.length).toBe(32);
    expect(fs.statSync(keyFilePath(dir)).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(keyFilePath(dir))).mode & 0o777).toBe(0o700);
    expect(loadUploadKey(dir, NO_ENV).equals(a)).toBe(true);
    const env = crypto.randomBytes(32);
    expect(loadUploadKey(dir, { SWITCHYARD_ENCRYPTION_KEY: env.toString("base64") }).equals(env)).toBe(true);
    expect(() => loadUploadKey(dir, { SWITCHYARD_ENCRYPTION_KEY: "c2hvcnQ=" })).toThrow(/exactly 32 bytes/);
  });

  it("stores an upload encrypted under a random id with the plaintext's hash; the worker's copy is 0600 and removed after", async () => {
    const dataDir = path.join(tmp.dir, "d1");
    const uploads = path.join(dataDir, "uploads");
    const text = Buffer.from("Date,Calling Number,Called Number\n2024-01-02 10:00:00,2125550100,3125550199\n".repeat(2000));
    const stored = await saveUploadStream(ragged(text), uploads, 10 * 1024 * 1024);
    expect(path.basename(stored.storedPath)).toMatch(/^[0-9a-f-]{36}$/);
    expect(stored.sha256).toBe(crypto.createHash("sha256").update(text).digest("hex"));
    expect(stored.sizeBytes).toBe(text.length);
    const onDisk = fs.readFileSync(stored.storedPath);
    expect(onDisk.subarray(0, 8).toString("latin1")).toBe("SWYENC01");
    expect(onDisk.includes(Buffer.from("2125550100"))).toBe(false);
    expect(fs.statSync(stored.storedPath).mode & 0o777).toBe(0o600);

    const plain = await openPlaintext(stored.storedPath, dataDir, "job-1");
    expect(plain.path).toBe(path.join(dataDir, "work", "job-1"));
    expect(fs.statSync(plain.path).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(plain.path).equals(text)).toBe(true);
    await plain.dispose();
    expect(fs.existsSync(plain.path)).toBe(false);

    // A CLI file (never encrypted) is read in place.
    const cli = path.join(tmp.dir, "cli.csv");
    fs.writeFileSync(cli, text);
    expect((await openPlaintext(cli, dataDir, "job-2")).path).toBe(cli);
  });

  it("an upload over the limit is refused while streaming and leaves no file behind", async () => {
    const uploads = path.join(tmp.dir, "d2", "uploads");
    await expect(saveUploadStream(ragged(crypto.randomBytes(300_000)), uploads, 100_000)).rejects.toMatchObject({ code: "payload_too_large" });
    expect(fs.readdirSync(uploads)).toEqual([]);
  });
});
