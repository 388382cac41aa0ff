import crypto from "node:crypto";
import type { S3Client } from "@aws-sdk/client-s3";

/** Environment variables (process.env, or a test's own set). */
export type Env = Record<string, string | undefined>;

/** Where uploads go in object storage: `s3://bucket/prefix` (the prefix may be empty). */
export interface StorageLocation {
  bucket: string;
  prefix: string;
}

/** S3's own bucket-name rules (3–63 lower-case letters, digits, dots, hyphens); MinIO applies the same. */
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** Reads `s3://bucket/prefix` (STORAGE_URL); anything else is refused with the reason, as a sentence. */
export function parseStorageUrl(url: string): StorageLocation {
  const m = /^s3:\/\/([^/]+)(?:\/(.*))?$/.exec(url.trim());
  if (!m) throw new Error(`STORAGE_URL must look like s3://bucket or s3://bucket/prefix (got "${url}"); leave it unset to keep uploads in DATA_DIR.`);
  const bucket = m[1]!;
  if (!BUCKET.test(bucket)) throw new Error(`STORAGE_URL names the bucket "${bucket}", which is not a valid bucket name (3–63 lower-case letters, digits, dots or hyphens).`);
  const prefix = (m[2] ?? "").replace(/^\/+|\/+$/g, "");
  if (prefix.split("/").some((p) => p === "." || p === "..")) throw new Error(`STORAGE_URL's prefix "${prefix}" may not contain "." or ".." segments.`);
  return { bucket, prefix };
}

/** A stored object's reference as job rows keep it (`storedPath`): `s3://bucket/key`. */
export function objectRef(bucket: string, key: string): string {
  return `s3://${bucket}/${key}`;
}

export function isObjectRef(storedPath: string): boolean {
  return storedPath.startsWith("s3://");
}

/** The bucket and key of an `s3://bucket/key` reference. */
export function parseObjectRef(ref: string): { bucket: string; key: string } {
  const m = /^s3:\/\/([^/]+)\/(.+)$/.exec(ref);
  if (!m) throw new Error(`"${ref}" is not an object-storage reference (s3://bucket/key).`);
  return { bucket: m[1]!, key: m[2]! };
}

/** The endpoint the client talks to: S3_ENDPOINT, AWS_ENDPOINT_URL_S3 or AWS_ENDPOINT_URL; unset = AWS itself. */
export function storageEndpoint(env: Env = process.env): string | undefined {
  return env.S3_ENDPOINT?.trim() || env.AWS_ENDPOINT_URL_S3?.trim() || env.AWS_ENDPOINT_URL?.trim() || undefined;
}

const holder = globalThis as unknown as { __switchyardS3?: Map<string, Promise<S3Client>> };

/**
 * One client per endpoint, region and addressing style in this process (each thread has its own).
 * The SDK is loaded on first use only: it adds ~15 MB and ~150 ms to a process, which a
 * deployment on DATA_DIR should not pay in every worker thread. Credentials come from the SDK's
 * usual chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, a profile, an instance role).
 * Path-style addressing (`endpoint/bucket/key`, what MinIO and most S3-compatible servers expect)
 * is the default with a custom endpoint; S3_FORCE_PATH_STYLE=0/1 overrides it.
 */
export function s3Client(env: Env = process.env): Promise<S3Client> {
  const endpoint = storageEndpoint(env);
  const region = env.AWS_REGION?.trim() || env.AWS_DEFAULT_REGION?.trim() || "us-east-1";
  const pathStyle =
    env.S3_FORCE_PATH_STYLE === undefined || env.S3_FORCE_PATH_STYLE === "" ? endpoint !== undefined : env.S3_FORCE_PATH_STYLE === "1" || env.S3_FORCE_PATH_STYLE === "true";
  const accessKeyId = env.AWS_ACCESS_KEY_ID?.trim();
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY?.trim();
  // Keys given in `env` are used as they are; otherwise the SDK's chain (profile, instance role…).
  const credentials = accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey, sessionToken: env.AWS_SESSION_TOKEN?.trim() || undefined } : undefined;
  const secretId = secretAccessKey ? crypto.createHash("sha256").update(secretAccessKey).digest("hex") : "";
  const cacheKey = JSON.stringify([endpoint, region, pathStyle, accessKeyId ?? "", secretId, env.AWS_SESSION_TOKEN ?? ""]);
  const clients = (holder.__switchyardS3 ??= new Map());
  let client = clients.get(cacheKey);
  if (!client) {
    if (endpoint && !/^https?:\/\/[^/]+/.test(endpoint)) {
      return Promise.reject(new Error(`The object-storage endpoint "${endpoint}" is not a URL; set S3_ENDPOINT (or AWS_ENDPOINT_URL) to e.g. http://minio:9000.`));
    }
    client = import("@aws-sdk/client-s3").then(
      ({ S3Client }) =>
        new S3Client({
          endpoint,
          region,
          forcePathStyle: pathStyle,
          credentials,
          // Uploads are AES-GCM authenticated chunk by chunk (upload-cipher.ts), so transport
          // checksums add nothing, and the SDK's default CRC32 trailers are refused by several
          // S3-compatible servers.
          requestChecksumCalculation: "WHEN_REQUIRED",
          responseChecksumValidation: "WHEN_REQUIRED",
          maxAttempts: 3,
        }),
    );
    clients.set(cacheKey, client);
  }
  return client;
}

/** A "no such object" error the readers treat like a missing file (unreadableUploadOutcome: upload_missing). */
export function missingObject(ref: string): NodeJS.ErrnoException {
  const err: NodeJS.ErrnoException = new Error(`The stored upload ${ref} no longer exists in object storage.`);
  err.code = "ENOENT";
  return err;
}

/**
 * An SDK or network error as a sentence a person can act on: unreachable endpoint, refused
 * credentials, missing bucket. `doing` says what was attempted ("storing the upload").
 */
export function describeS3Error(err: unknown, doing: string, env: Env = process.env): ObjectStorageError {
  const e = err as { name?: string; code?: string; message?: string; $metadata?: { httpStatusCode?: number }; Code?: string };
  const where = storageEndpoint(env) ?? "AWS S3";
  const name = e.name ?? e.Code ?? "";
  const code = e.code ?? (e as { cause?: { code?: string } }).cause?.code ?? "";
  let sentence: string;
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|EHOSTUNREACH/.test(`${code} ${e.message ?? ""}`)) {
    sentence = `the object storage at ${where} could not be reached (${code || e.message}); check S3_ENDPOINT / AWS_ENDPOINT_URL and that the server is running`;
  } else if (name === "NoSuchBucket") {
    sentence = `the bucket named in STORAGE_URL does not exist at ${where}; create it first`;
  } else if (/InvalidAccessKeyId|SignatureDoesNotMatch|AccessDenied|Forbidden|CredentialsProviderError/.test(name) || e.$metadata?.httpStatusCode === 403) {
    sentence = `the object storage at ${where} refused the credentials (${name || "403"}); check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY`;
  } else {
    sentence = `the object storage at ${where} answered ${name || "an error"}${e.message ? ` (${e.message})` : ""}`;
  }
  return new ObjectStorageError(`Object storage failed while ${doing}: ${sentence}.`, err);
}

/** An object-storage failure (network, credentials, bucket), not a damaged upload. */
export class ObjectStorageError extends Error {
  constructor(message: string, cause: unknown) {
    super(message, { cause });
    this.name = "ObjectStorageError";
  }
}

export function isStorageError(err: unknown): boolean {
  return err instanceof ObjectStorageError;
}
