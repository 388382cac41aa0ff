import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, type S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../lib/config";
import { createJob, deleteJob } from "../../lib/jobs/job-commands";
import { readStoredPreviewSample } from "../../lib/jobs/preview-task";
import { PROJECT_ROOT } from "../../lib/paths";
import { openPlaintext, readPlaintextHead } from "../../lib/security/plaintext-copy";
import { HEADER_BYTES, MAGIC, TAG_BYTES, CHUNK_BYTES } from "../../lib/security/upload-cipher";
import { receiveUploads } from "../../lib/server/receive-uploads";
import { parseStorageUrl, s3Client } from "../../lib/storage/s3-client";
import { s3UploadStore } from "../../lib/storage/s3-store";
import { saveUploadStream } from "../../lib/storage/save-upload";
import { openUploadSource, probeUploadStore, removeUpload, statUpload } from "../../lib/storage/upload-store";
import { caseSqliteHarness } from "../support/case-sqlite";
import { startS3Server, type S3Server } from "../support/s3-server";

const MiB = 1024 * 1024;
const BUCKET = "switchyard-uploads";
const h = caseSqliteHarness();
let s3: S3Server;
let client: S3Client;
/** Names of the S3 commands this process sent (a middleware on the real client: an observation, not a stub). */
const sent: string[] = [];

beforeAll(async () => {
  s3 = await startS3Server(BUCKET);
  Object.assign(process.env, s3.env, { SWITCHYARD_ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64") });
  client = await s3Client();
  client.middlewareStack.add((next, ctx) => (args) => (sent.push(ctx.commandName ?? "?"), next(args)), { step: "initialize", name: "recordCommands" });
}, 30_000);

afterAll(async () => {
  await s3?.stop();
});

/** `data` in randomly sized pieces, as a network stream delivers it. */
function ragged(data: Buffer): Readable {
  const pieces: Buffer[] = [];
  for (let i = 0; i < data.length;) {
    const n = 1 + crypto.randomInt(200_000);
    pieces.push(data.subarray(i, i + n));
    i += n;
  }
  return Readable.from(pieces);
}

async function rawObject(ref: string): Promise<Buffer> {
  const key = ref.slice(`s3://${BUCKET}/`.length);
  const res = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return Buffer.from(await res.Body!.transformToByteArray());
}

async function keysUnder(prefix: string): Promise<string[]> {
  const res = await client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }));
  return (res.Contents ?? []).map((o) => o.Key!);
}

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

describe("object storage for uploads (s3rver in its own process, over HTTP)", () => {
  it("stores an object in 8 MiB parts, then stats it, reads ranges across part and block boundaries, and removes it", async () => {
    const data = crypto.randomBytes(20 * MiB + 123);
    sent.length = 0;
    const { ref, sink } = s3UploadStore({ bucket: BUCKET, prefix: "round-trip" }).createSink("object-1");
    await pipeline(ragged(data), sink);
    expect(ref).toBe(`s3://${BUCKET}/round-trip/object-1`);
    // 20 MiB went up as 8 + 8 + 4 MiB parts, never as one body.
    expect(sent.filter((c) => c === "UploadPartCommand")).toHaveLength(3);
    expect(sent).not.toContain("PutObjectCommand");
    const head = await client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: "round-trip/object-1" }));
    expect(head.ContentLength).toBe(data.length);
    expect((await statUpload(ref)).size).toBe(data.length);

    const source = await openUploadSource(ref);
    for (const [at, len] of [
      [0, 100],
      [8 * MiB - 1000, 3 * MiB],
      [16 * MiB - 1, 2],
      [data.length - 50, 1000],
    ] as const) {
      const into = Buffer.alloc(len);
      const n = await source.read(into, at);
      expect(n).toBe(Math.min(len, data.length - at));
      expect(into.subarray(0, n).equals(data.subarray(at, at + n))).toBe(true);
    }
    await source.close();

    await removeUpload(ref);
    await expect(statUpload(ref)).rejects.toMatchObject({ code: "ENOENT" });
    await removeUpload(ref); // already gone: no error
  });

  it("stores an upload encrypted: the object's bytes are ciphertext, and the readers give the plaintext back", async () => {
    const lines = ["caller,callee,start,seconds"];
    for (let i = 0; i < 12_000; i++) lines.push(`+1212555${String(i % 10_000).padStart(4, "0")},+13125550111,2025-01-01T00:${String(i % 60).padStart(2, "0")}:00Z,${i % 600}`);
    const text = Buffer.from(lines.join("\n"));
    const stored = await saveUploadStream(ragged(text), s3UploadStore({ bucket: BUCKET, prefix: "enc" }), 50 * MiB);
    expect(stored.storedPath).toMatch(new RegExp(`^s3://${BUCKET}/enc/[0-9a-f-]{36}$`));
    expect(stored.sizeBytes).toBe(text.length);
    expect(stored.sha256).toBe(crypto.createHash("sha256").update(text).digest("hex"));

    const raw = await rawObject(stored.storedPath);
    expect(raw.subarray(0, MAGIC.length).equals(MAGIC)).toBe(true);
    expect(raw.length).toBe(HEADER_BYTES + text.length + Math.ceil(text.length / CHUNK_BYTES) * TAG_BYTES);
    expect(raw.includes(Buffer.from("+13125550111"))).toBe(false);
    expect(raw.includes(text.subarray(0, 64))).toBe(false);

    const dataDir = h.tmp.dir;
    const plain = await openPlaintext(stored.storedPath, dataDir, "0123456789abcdef");
    expect(plain.path).toBe(path.join(dataDir, "work", "0123456789abcdef"));
    expect(fs.readFileSync(plain.path).equals(text)).toBe(true);
    await plain.dispose();

    const head = await readPlaintextHead(stored.storedPath, dataDir, 1000);
    expect(head.size).toBe(text.length);
    expect(head.bytes.equals(text.subarray(0, 1000))).toBe(true);
    await removeUpload(stored.storedPath);
  });

  it("aborts an upload over the size limit and leaves no object", async () => {
    sent.length = 0;
    const err = await saveUploadStream(ragged(crypto.randomBytes(20 * MiB)), s3UploadStore({ bucket: BUCKET, prefix: "limit" }), 12 * MiB).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "payload_too_large" });
    expect(await keysUnder("limit/")).toEqual([]);
    // The first 8 MiB part had gone up before the limit was crossed: the multipart upload was
    // started and then aborted. (s3rver answers the abort with 405 — it does not implement it;
    // MinIO and S3 drop the parts.)
    expect(sent).toContain("CreateMultipartUploadCommand");
    expect(sent).toContain("AbortMultipartUploadCommand");
    expect(sent).not.toContain("CompleteMultipartUploadCommand");
  });

  it("says in a sentence what is wrong with the configuration or the endpoint", async () => {
    expect(() => parseStorageUrl("https://bucket/prefix")).toThrow(/STORAGE_URL must look like s3:\/\/bucket/);
    expect(() => parseStorageUrl("s3://Bad_Bucket/x")).toThrow(/not a valid bucket name/);
    expect(() => loadConfig({ STORAGE_URL: "s3:/missing-slash" } as unknown as NodeJS.ProcessEnv)).toThrow(/STORAGE_URL must look like/);
    expect(loadConfig({ STORAGE_URL: "s3://fine/a/b/" } as unknown as NodeJS.ProcessEnv).storageUrl).toBe("s3://fine/a/b/");
    expect(parseStorageUrl("s3://fine/a/b/")).toEqual({ bucket: "fine", prefix: "a/b" });

    const small = () => Readable.from([Buffer.from("a,b\n1,2\n")]);
    const unreachable = { ...s3.env, S3_ENDPOINT: `http://127.0.0.1:${await closedPort()}` };
    await expect(saveUploadStream(small(), s3UploadStore({ bucket: BUCKET, prefix: "" }, unreachable), MiB)).rejects.toThrow(
      /Object storage failed while storing the upload: the object storage at http:\/\/127\.0\.0\.1:\d+ could not be reached/,
    );
    // s3rver checks the access key id (not SigV4 signatures, which it does not compute).
    const wrongKey = { ...s3.env, AWS_ACCESS_KEY_ID: "NOT-A-KEY" };
    await expect(saveUploadStream(small(), s3UploadStore({ bucket: BUCKET, prefix: "" }, wrongKey), MiB)).rejects.toThrow(/refused the credentials \(InvalidAccessKeyId\)/);
    await expect(saveUploadStream(small(), s3UploadStore({ bucket: "no-such-bucket", prefix: "" }), MiB)).rejects.toThrow(/bucket named in STORAGE_URL does not exist/);

    // /api/health's upload check: a probe object, stored and removed.
    expect(await probeUploadStore(h.tmp.dir, { ...s3.env, STORAGE_URL: `s3://${BUCKET}/health` })).toBe(`s3://${BUCKET}/health is writable`);
    expect(await keysUnder("health/")).toEqual([]);
    await expect(probeUploadStore(h.tmp.dir, { ...unreachable, STORAGE_URL: `s3://${BUCKET}/health` })).rejects.toThrow(/could not be reached/);
  }, 30_000);

  it("loads an upload a web node stored in object storage in a worker in another process, with its own DATA_DIR", async () => {
    const rows = 100_000; // ~9.5 MB: two parts, and two 8 MiB ranges for the reader
    const file = h.attFile("tower.csv", { rows, startMs: Date.UTC(2025, 0, 1), stepSeconds: 90, seed: 20 });
    const caseId = await h.newCase("object storage");

    // The web side: the real multipart receiver, with STORAGE_URL set as a web node would have it.
    process.env.STORAGE_URL = `s3://${BUCKET}/nodes/`;
    const form = new FormData();
    form.append("files", new Blob([fs.readFileSync(file)]), "tower.csv");
    const req = new Request("http://localhost/api/ingestion/upload", { method: "POST", body: form });
    const webUploads = path.join(h.tmp.dir, "uploads");
    const [received] = await receiveUploads(req, webUploads, 64 * MiB);
    delete process.env.STORAGE_URL;
    expect(received!.storedPath).toMatch(new RegExp(`^s3://${BUCKET}/nodes/[0-9a-f-]{36}$`));
    expect(fs.existsSync(webUploads) ? fs.readdirSync(webUploads) : []).toEqual([]);

    // The mapping preview reads only the head of the object.
    const preview = await readStoredPreviewSample(received!.storedPath, "tower.csv", null, [], h.tmp.dir);
    expect(JSON.stringify(preview.sample)).toContain("Originating Number");

    const job = await createJob(h.db, { fileName: received!.fileName, storedPath: received!.storedPath, sha256: received!.sha256, sizeBytes: received!.sizeBytes, caseId });
    const workerDataDir = fs.mkdtempSync(path.join(h.tmp.dir, "worker-"));
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, "node_modules/tsx/dist/cli.mjs"), path.join(PROJECT_ROOT, "tests/support/s3-worker-child.ts"), job.id], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...s3.env, STORAGE_URL: `s3://${BUCKET}/nodes/`, DATA_DIR: workerDataDir, DATABASE_URL: h.tmp.databaseUrl, LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let errOut = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (errOut += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code, errOut).toBe(0);
    const { outcome } = JSON.parse(out.trim().split("\n").pop()!) as { outcome: { status: string; counts: { rows: number; inserted: number } } };
    expect(outcome.status).toBe("completed");
    expect(outcome.counts.rows).toBe(rows);
    expect(h.recordsOf(job.id)).toBe(rows);
    expect(outcome.counts.inserted).toBe(rows);
    // The worker's plaintext copy is gone, and its DATA_DIR never held the upload.
    expect(fs.readdirSync(path.join(workerDataDir, "work"))).toEqual([]);
    expect(fs.existsSync(path.join(workerDataDir, "uploads"))).toBe(false);

    // Deleting the job deletes the object.
    await deleteJob(h.db, job.id, h.tmp.databaseUrl);
    await expect(statUpload(received!.storedPath)).rejects.toMatchObject({ code: "ENOENT" });
    expect(await keysUnder("nodes/")).toEqual([]);
  }, 60_000);
});
