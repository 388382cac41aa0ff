import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { PROJECT_ROOT } from "./paths";

const envSchema = z.object({
  DATA_DIR: z.string().default(path.join(PROJECT_ROOT, "data")),
  DATABASE_URL: z.string().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  WORKER_THREADS: z.coerce.number().int().min(0).max(64).optional(), // 0: a scale-out web node that runs no jobs (PostgreSQL only)
  // Producer threads parsing one large delimited-text file side by side (each is a V8 heap: fewer = less memory).
  PARSE_THREADS: z.coerce.number().int().min(1).max(16).optional(),
  MAX_UPLOAD_BYTES: z.coerce.number().int().min(1).default(1024 ** 3),
  JOB_TIMEOUT_SECONDS: z.coerce.number().int().min(10).default(3600),
  UPLOAD_RATE_PER_MINUTE: z.coerce.number().int().min(0).default(30), // files per user per minute; 0 = unlimited
  FORMAT_MISMATCH: z.enum(["refuse", "read"]).default("refuse"),
  NEAR_DUPLICATE_STRATEGY: z.enum(["keep_first", "keep_longest", "merge"]).default("keep_first"),
  RETENTION_DAYS: z.coerce.number().min(0).default(0), // uploads older than this are deleted; 0 = keep forever
  RETENTION_DELETE_RECORDS: z.enum(["0", "1", "true", "false"]).default("false").transform((v) => v === "1" || v === "true"),
});

export interface AppConfig {
  dataDir: string;
  uploadsDir: string;
  databaseUrl: string;
  port: number;
  host: string;
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
  /** 0: uploads are kept forever. */
  retentionDays: number;
  retentionDeleteRecords: boolean;
}

/** Reads the environment once; every process (server, worker thread, CLI) shares these defaults. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const e = envSchema.parse(env);
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    dataDir,
    uploadsDir: path.join(dataDir, "uploads"),
    databaseUrl: e.DATABASE_URL ?? `file:${path.join(dataDir, "switchyard.db")}`,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    workerThreads: e.WORKER_THREADS ?? Math.max(1, os.availableParallelism()),
    parseThreads: e.PARSE_THREADS ?? null,
    maxUploadBytes: e.MAX_UPLOAD_BYTES,
    jobTimeoutMs: e.JOB_TIMEOUT_SECONDS * 1000,
    uploadsPerMinute: e.UPLOAD_RATE_PER_MINUTE,
    formatMismatch: e.FORMAT_MISMATCH,
    nearDuplicateStrategy: e.NEAR_DUPLICATE_STRATEGY,
    retentionDays: e.RETENTION_DAYS,
    retentionDeleteRecords: e.RETENTION_DELETE_RECORDS,
  };
}
