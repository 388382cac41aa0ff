import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "../../lib/app-error";
import { receiveUploads } from "../../lib/server/receive-uploads";
import { TokenBucketLimiter } from "../../lib/server/rate-limit";
import { tempDataDir } from "../support/temp-db";

const tmp = tempDataDir("switchyard-limits-");
afterAll(() => tmp.cleanup());
const BOUNDARY = "----switchyard-test";

function part(name: string, size: number): Buffer {
  return Buffer.concat([
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`),
    Buffer.alloc(size, 0x41),
    Buffer.from("\r\n"),
  ]);
}

/** A multipart request whose body is streamed in 16 KiB pieces; `failAfter` makes the body stream error mid-way. */
function multipart(parts: Buffer[], opts: { failAfter?: number; closing?: boolean } = {}): Request {
  const body = Buffer.concat([...parts, Buffer.from(opts.closing === false ? "" : `--${BOUNDARY}--\r\n`)]);
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (opts.failAfter !== undefined && sent >= opts.failAfter) return controller.error(new Error("connection reset by peer"));
      if (sent >= body.length) return controller.close();
      controller.enqueue(body.subarray(sent, sent + 16_384));
      sent += 16_384;
    },
  });
  return new Request("http://localhost/api/ingestion/upload", {
    method: "POST",
    body: stream,
    duplex: "half",
    headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}` },
  } as RequestInit);
}

function dir(name: string): string {
  return path.join(tmp.dir, name, "uploads");
}
const files = (d: string) => (fs.existsSync(d) ? fs.readdirSync(d) : []);

describe("upload limits", () => {
  it("stores two files under random ids, never under the client's names", async () => {
    const d = dir("ok");
    const got = await receiveUploads(multipart([part("../../etc/passwd", 1000), part("calls.csv", 2000)]), d, 10_000);
    expect(got.map((f) => f.fileName)).toEqual(["passwd", "calls.csv"]);
    expect(files(d).sort()).toEqual(got.map((f) => path.basename(f.storedPath)).sort());
    for (const f of got) expect(path.basename(f.storedPath)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("an over-limit file ends the request with payload_too_large and removes every file of it", async () => {
    const d = dir("big");
    const err = await receiveUploads(multipart([part("small.csv", 1000), part("big.csv", 50_000), part("after.csv", 10)]), d, 20_000).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("payload_too_large");
    expect(files(d)).toEqual([]);
  });

  it("a body that errors mid-file rejects promptly (no hang) and leaves no partial file", async () => {
    const d = dir("cut");
    const started = Date.now();
    const err = await receiveUploads(multipart([part("a.csv", 200_000)], { failAfter: 64_000 }), d, 1_000_000).catch((e: unknown) => e);
    expect((err as AppError).code).toBe("bad_request");
    expect((err as AppError).message).toMatch(/interrupted|cut off/);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(files(d)).toEqual([]);
  });

  it("a body that simply stops (no closing boundary) is refused, not left waiting", async () => {
    const d = dir("unterminated");
    const err = await receiveUploads(multipart([part("a.csv", 1000)], { closing: false }), d, 1_000_000).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(files(d)).toEqual([]);
  });

  it("a refused file (rate limit) stops the request and removes the files already stored", async () => {
    const d = dir("refused");
    let n = 0;
    const beforeFile = () => {
      if (++n > 1) throw new AppError("rate_limited", "Too many files.");
    };
    const err = await receiveUploads(multipart([part("1.csv", 1000), part("2.csv", 1000)]), d, 10_000, { beforeFile }).catch((e: unknown) => e);
    expect((err as AppError).code).toBe("rate_limited");
    expect(files(d)).toEqual([]);
  });

  it("token bucket: a minute's allowance at once, then one file per 60/N seconds; refunds give tokens back", () => {
    let now = 0;
    const limiter = new TokenBucketLimiter(30, () => now);
    for (let i = 0; i < 30; i++) expect(limiter.take("u1").ok).toBe(true);
    const refused = limiter.take("u1");
    expect(refused).toEqual({ ok: false, retryAfterSeconds: 2 });
    expect(limiter.take("u2").ok).toBe(true); // per user
    now += 2_000;
    expect(limiter.take("u1").ok).toBe(true);
    expect(limiter.take("u1").ok).toBe(false);
    limiter.refund("u1", 3);
    for (let i = 0; i < 3; i++) expect(limiter.take("u1").ok).toBe(true);
    expect(new TokenBucketLimiter(0).take("x").ok).toBe(true);
  });
});
