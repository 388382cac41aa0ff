import type { AppConfig } from "../config";
import type { Db } from "../db/prisma";
import type { JobEvents } from "../jobs/job-events";
import type { JobQueue } from "../jobs/job-queue";
import { AppError } from "../app-error";

/** What server.ts builds once and route handlers use: reached through globalThis because Next bundles route modules separately. */
export interface Runtime {
  config: AppConfig;
  db: Db;
  queue: JobQueue;
  events: JobEvents;
}

const holder = globalThis as unknown as { __switchyardRuntime?: Runtime };

export function setRuntime(runtime: Runtime): void {
  holder.__switchyardRuntime = runtime;
}

export function getRuntime(): Runtime {
  const r = holder.__switchyardRuntime;
  if (!r) throw new AppError("internal", "The Switchyard server is not running: start it with `npm start` (server.ts), not `next start`.");
  return r;
}
