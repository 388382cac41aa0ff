import type { AppConfig } from "../config";
import type { Db } from "../db/prisma";
import type { JobEvents } from "../jobs/job-events";
import type { QueuePort } from "../jobs/queue-port";
import { AppError } from "../app-error";
import type { MappingPreview, PreviewInput } from "../ingest/pipeline/preview-mapping";
import type { SocketControl } from "./socket-control";

/** What server.ts builds once and route handlers use: reached through globalThis because Next bundles route modules separately. */
export interface Runtime {
  config: AppConfig;
  db: Db;
  queue: QueuePort;
  events: JobEvents;
  /** Ends live sockets when a session, token or user stops being valid (call after the database change). */
  sockets: SocketControl;
  /** Runs the mapping preview off the main thread (in the worker pool). */
  previewMapping(input: PreviewInput): Promise<MappingPreview>;
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
