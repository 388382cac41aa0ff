import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { PROJECT_ROOT } from "./paths";
import { parseStorageUrl } from "./storage/s3-client";

/** "1"/"true" = on; anything else (unset, "0", "false") = off. */
export function envFlag(value: string | undefined): boolean {
  return value === "1" || value === "true";
}

const envSchema = z.object({
  DATA_DIR: z.string().default(path.join(PROJECT_ROOT, "data")),
  DATABASE_URL: z.string().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // Loopback unless told otherwise: behind a reverse proxy (or in a container) set HOST=0.0.0.0; docs/deployment.md.
  HOST: z.string().default("127.0.0.1"),
  // Honour X-Forwarded-Host/-Proto/-For only behind a proxy that sets them (anyone can send them otherwise).
  TRUST_PROXY: z.enum(["0", "1", "true", "false", ""]).default("false").transform(envFlag),
  // Bearer token for /api/metrics and /api/health's details (besides an admin session); unset = admin sessions only.
  METRICS_TOKEN: z.string().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  WORKER_THREADS: z.coerce.number().int().min(0).max(64).optional(), // 0: a scale-out web node that runs no jobs (PostgreSQL only)
  // Producer threads parsing one large delimited-text file side by side (each is a V8 heap: fewer = less memory).
  PARSE_THREADS: z.coerce.number().int().min(1).max(16).optional(),
  MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(1024 ** 3),
  JOB_TIMEOUT_SECONDS: z.coerce.number().int().min(10).default(3600),
  UPLOAD_RATE_PER_MINUTE: z.coerce.number().int().min(0).default(30), // files per user per minute; 0 = unlimited
  // Mapping previews per user per minute (the review screen debounces its previews); 0 = unlimited.
  PREVIEW_RATE_PER_MINUTE: z.coerce.number().int().min(0).default(30),
  // Most bytes a workbook (xlsx/zip) may inflate to in one run of a job, every part and pass counted; a reviewer's confirm cannot lift it.
  MAX_INFLATED_BYTES: z.coerce
    .number()
    .int()
    .min(1024 * 1024)
    .default(2 * 1024 ** 3),
  FORMAT_MISMATCH: z.enum(["refuse", "read"]).default("refuse"),
  NEAR_DUPLICATE_STRATEGY: z.enum(["keep_first", "keep_longest", "merge"]).default("keep_first"),
  // Uploads in object storage (s3://bucket/prefix) instead of DATA_DIR/uploads; endpoint and credentials: lib/storage/s3-client.ts.
  STORAGE_URL: z.string().optional(),
  RETENTION_DAYS: z.coerce.number().min(0).default(0), // uploads older than this are deleted; 0 = keep forever
  RETENTION_DELETE_RECORDS: z
    .enum(["0", "1", "true", "false"])
    .default("false")
    .transform((v) => v === "1" || v === "true"),
});

export interface AppConfig {
  dataDir: string;
  uploadsDir: string;
  databaseUrl: string;
  port: number;
  host: string;
  /** X-Forwarded-* headers are believed (TRUST_PROXY); off by default. */
  trustProxy: boolean;
  /** Bearer token for /api/metrics and /api/health's details; null: only an admin session sees them. */
  metricsToken: string | null;
  logLevel: z.infer<typeof envSchema>["LOG_LEVEL"];
  workerThreads: number;
  /** Most producer threads per large text file; null = as many as cores, 2 to 4 (threaded-producer.ts). */
  parseThreads: number | null;
  /** A file whose content is another format than its name says: refuse it (default) or read it by content. */
  formatMismatch: "refuse" | "read";
  /** Which of two linked near-duplicates counts (see lib/db/near-duplicate-strategy.ts). */
  nearDuplicateStrategy: "keep_first" | "keep_longest" | "merge";
  maxUploadBytes: number;
  jobTimeoutMs: number;
  uploadsPerMinute: number;
  /** Mapping previews per user per minute; 0 = unlimited. */
  previewsPerMinute: number;
  /**
   * Zip-bomb cap: the most bytes one workbook may inflate to in one run of a job (plan + load,
   * every part); refused up front when the zip's directory declares more (xlsx-limits.ts).
   */
  maxInflatedBytes: number;
  /** `s3://bucket/prefix` when uploads go to object storage; null: DATA_DIR/uploads. */
  storageUrl: string | null;
  /** 0: uploads are kept forever. */
  retentionDays: number;
  retentionDeleteRecords: boolean;
}

/** Reads the environment once; every process (server, worker thread, CLI) shares these defaults. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const e = envSchema.parse(env);
  const dataDir = path.resolve(e.DATA_DIR);
  const storageUrl = e.STORAGE_URL?.trim() || null;
  if (storageUrl) parseStorageUrl(storageUrl); // a malformed URL stops start-up with its reason
  return {
    dataDir,
    uploadsDir: path.join(dataDir, "uploads"),
    databaseUrl: e.DATABASE_URL ?? `file:${path.join(dataDir, "switchyard.db")}`,
    port: e.PORT,
    host: e.HOST,
    trustProxy: e.TRUST_PROXY,
    metricsToken: e.METRICS_TOKEN?.trim() || null,
    logLevel: e.LOG_LEVEL,
    workerThreads: e.WORKER_THREADS ?? Math.max(1, os.availableParallelism()),
    parseThreads: e.PARSE_THREADS ?? null,
    maxUploadBytes: e.MAX_UPLOAD_BYTES,
    jobTimeoutMs: e.JOB_TIMEOUT_SECONDS * 1000,
    uploadsPerMinute: e.UPLOAD_RATE_PER_MINUTE,
    previewsPerMinute: e.PREVIEW_RATE_PER_MINUTE,
    maxInflatedBytes: e.MAX_INFLATED_BYTES,
    formatMismatch: e.FORMAT_MISMATCH,
    nearDuplicateStrategy: e.NEAR_DUPLICATE_STRATEGY,
    storageUrl,
    retentionDays: e.RETENTION_DAYS,
    retentionDeleteRecords: e.RETENTION_DELETE_RECORDS,
  };
}
