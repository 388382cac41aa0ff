import { Writable } from "node:stream";
import type { CompletedPart, S3Client } from "@aws-sdk/client-s3";
import { describeS3Error } from "./s3-client";

/** Bytes per part: S3 wants ≥ 5 MiB for every part but the last and at most 10,000 parts (80 GB at 8 MiB). */
export const PART_BYTES = 8 * 1024 * 1024;

/** Parts uploading at once while the next one fills: memory per upload stays ≤ (2 + 1) × PART_BYTES. */
const PARTS_IN_FLIGHT = 2;

/**
 * Streams one object to S3 without holding the file: bytes collect into 8 MiB parts, each sent
 * with UploadPart while the next fills (backpressure once two are in flight). An object that never
 * fills a part goes up with one PutObject. Destroyed with an error (the size limit, a client that
 * went away) it aborts the multipart upload once the parts in flight have settled, so the store
 * keeps nothing; `settled` resolves when that is done.
 */
export class MultipartSink extends Writable {
  private buffered: Buffer[] = [];
  private bufferedBytes = 0;
  private uploadId: string | null = null;
  private nextPart = 1;
  private readonly done: CompletedPart[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private failure: Error | null = null;
  private aborting: Promise<void> = Promise.resolve();
  /** The latest sendPart call: it may still be creating the multipart upload when the sink is destroyed. */
  private sending: Promise<void> = Promise.resolve();

  constructor(
    private readonly client: Promise<S3Client>,
    private readonly bucket: string,
    private readonly key: string,
  ) {
    super({ highWaterMark: 1 << 20 });
  }

  /** Resolves once a failed upload has been aborted (or at once when there was nothing to abort). */
  settled(): Promise<void> {
    return this.aborting;
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    this.buffered.push(chunk);
    this.bufferedBytes += chunk.length;
    if (this.bufferedBytes < PART_BYTES) return cb(this.failure);
    this.sending = this.sendPart();
    this.sending
      .then(async () => {
        while (this.inFlight.size >= PARTS_IN_FLIGHT && !this.failure) await Promise.race(this.inFlight);
        cb(this.failure);
      })
      .catch((err: Error) => cb(err));
  }

  override _final(cb: (err?: Error | null) => void): void {
    void (async () => {
      const sdk = await import("@aws-sdk/client-s3");
      const client = await this.client;
      if (this.uploadId === null) {
        try {
          await client.send(new sdk.PutObjectCommand({ Bucket: this.bucket, Key: this.key, Body: this.take() }));
        } catch (err) {
          throw describeS3Error(err, "storing the upload");
        }
        return;
      }
      if (this.bufferedBytes > 0) await (this.sending = this.sendPart());
      await Promise.all(this.inFlight);
      if (this.failure) throw this.failure;
      const parts = [...this.done].sort((a, b) => a.PartNumber! - b.PartNumber!);
      try {
        await client.send(new sdk.CompleteMultipartUploadCommand({ Bucket: this.bucket, Key: this.key, UploadId: this.uploadId, MultipartUpload: { Parts: parts } }));
      } catch (err) {
        throw describeS3Error(err, "completing the upload");
      }
    })().then(
      () => cb(),
      (err: Error) => cb(err),
    );
  }

  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    if (err) this.aborting = this.abort();
    cb(err);
  }

  private take(): Buffer {
    const body = Buffer.concat(this.buffered, this.bufferedBytes);
    this.buffered = [];
    this.bufferedBytes = 0;
    return body;
  }

  private async sendPart(): Promise<void> {
    const sdk = await import("@aws-sdk/client-s3");
    const client = await this.client;
    if (this.uploadId === null) {
      try {
        const { UploadId } = await client.send(new sdk.CreateMultipartUploadCommand({ Bucket: this.bucket, Key: this.key }));
        this.uploadId = UploadId ?? null;
      } catch (err) {
        throw describeS3Error(err, "starting the upload");
      }
      if (this.uploadId === null) throw new Error("Object storage started a multipart upload without an id.");
    }
    const PartNumber = this.nextPart++;
    const Body = this.take();
    const sending: Promise<void> = client
      .send(new sdk.UploadPartCommand({ Bucket: this.bucket, Key: this.key, UploadId: this.uploadId, PartNumber, Body }))
      .then(
        ({ ETag }) => void this.done.push({ PartNumber, ETag }),
        (err: unknown) => void (this.failure ??= describeS3Error(err, `storing part ${PartNumber} of the upload`)),
      )
      .finally(() => this.inFlight.delete(sending));
    this.inFlight.add(sending);
  }

  private async abort(): Promise<void> {
    await this.sending.catch(() => {});
    await Promise.allSettled(this.inFlight);
    if (this.uploadId === null) return;
    const sdk = await import("@aws-sdk/client-s3");
    const client = await this.client;
    // Best effort: a failure here leaves an incomplete upload that a bucket lifecycle rule
    // (AbortIncompleteMultipartUpload, docs/deployment.md) removes.
    await client.send(new sdk.AbortMultipartUploadCommand({ Bucket: this.bucket, Key: this.key, UploadId: this.uploadId! })).catch(() => {});
  }
}
