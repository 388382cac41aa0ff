import { describeS3Error, type Env, missingObject, objectRef, parseObjectRef, s3Client, type StorageLocation } from "./s3-client";
import { MultipartSink } from "./s3-multipart-sink";
import type { ByteSource, OpenOptions, UploadStore } from "./upload-store";

/** Bytes per ranged GET when a whole upload is read through (the decryptor asks 1 MB at a time). */
export const RANGE_BYTES = 8 * 1024 * 1024;

function isNotFound(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === "NotFound" || e.name === "NoSuchKey" || e.$metadata?.httpStatusCode === 404;
}

/** Uploads as objects `<prefix>/<id>` in one bucket, streamed with a multipart upload. */
export function s3UploadStore(loc: StorageLocation, env: Env = process.env): UploadStore {
  return {
    createSink(id) {
      const key = loc.prefix ? `${loc.prefix}/${id}` : id;
      const sink = new MultipartSink(s3Client(env), loc.bucket, key);
      const ref = objectRef(loc.bucket, key);
      return {
        ref,
        sink,
        // Aborted parts are gone once settled(); a PutObject that did land is deleted.
        discard: async () => {
          await sink.settled();
          await removeObject(ref, env).catch(() => {});
        },
      };
    },
  };
}

export async function statObject(ref: string): Promise<{ size: number; mtimeMs: number }> {
  const { bucket, key } = parseObjectRef(ref);
  const { HeadObjectCommand } = await import("@aws-sdk/client-s3");
  try {
    const head = await (await s3Client()).send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return { size: head.ContentLength ?? 0, mtimeMs: head.LastModified?.getTime() ?? 0 };
  } catch (err) {
    throw isNotFound(err) ? missingObject(ref) : describeS3Error(err, "reading the stored upload");
  }
}

export async function removeObject(ref: string, env: Env = process.env): Promise<void> {
  const { bucket, key } = parseObjectRef(ref);
  const { DeleteObjectCommand } = await import("@aws-sdk/client-s3");
  try {
    await (await s3Client(env)).send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
  } catch (err) {
    if (!isNotFound(err)) throw describeS3Error(err, "deleting the stored upload");
  }
}

/**
 * Reads an object at offsets through ranged GETs of 8 MiB aligned blocks: a read is served
 * from the blocks it spans, earlier blocks are dropped, and the block after the last one read is
 * fetched while the caller works on this one. Reading a whole upload holds ≤ 3 blocks. With
 * `headBytes` the first GET is that size and nothing is prefetched (the mapping preview).
 */
export async function openObjectSource(ref: string, opts: OpenOptions = {}): Promise<ByteSource> {
  const { size } = await statObject(ref);
  const { bucket, key } = parseObjectRef(ref);
  const { GetObjectCommand } = await import("@aws-sdk/client-s3");
  const client = await s3Client();
  const block = opts.headBytes === undefined ? RANGE_BYTES : Math.max(64 * 1024, opts.headBytes);
  const prefetch = opts.headBytes === undefined;
  const blocks = new Map<number, Promise<Buffer>>();
  const fetchBlock = (k: number): Promise<Buffer> => {
    let got = blocks.get(k);
    if (!got) {
      const start = k * block;
      const end = Math.min(size, start + block) - 1;
      got = client
        .send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=${start}-${end}` }))
        .then(async (res) => Buffer.from(await res.Body!.transformToByteArray()))
        .catch((err: unknown) => {
          throw isNotFound(err) ? missingObject(ref) : describeS3Error(err, "reading the stored upload");
        });
      // A prefetch nobody waits for must not become an unhandled rejection; the reader sees it on its own await.
      got.catch(() => {});
      blocks.set(k, got);
    }
    return got;
  };
  return {
    size,
    async read(into, position) {
      const end = Math.min(size, position + into.length);
      if (end <= position) return 0;
      const first = Math.floor(position / block);
      const last = Math.floor((end - 1) / block);
      for (const k of blocks.keys()) if (k < first) blocks.delete(k);
      let filled = 0;
      for (let k = first; k <= last; k++) {
        if (prefetch && k === last && (k + 1) * block < size) void fetchBlock(k + 1);
        const data = await fetchBlock(k);
        const from = Math.max(position, k * block) - k * block;
        const to = Math.min(end, (k + 1) * block) - k * block;
        filled += data.copy(into, filled, from, to);
      }
      return filled;
    },
    close: async () => blocks.clear(),
  };
}
