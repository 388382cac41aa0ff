import type { JobDto, ProgressEvent } from "./job";

/** One typed Socket.IO event map, shared by server.ts and the browser client. */
export interface ServerToClientEvents {
  /** Progress of one job, at most ~10 per second per job, to room `job:<id>` and the dashboard room. */
  "job:progress": (event: ProgressEvent) => void;
  /** A job row changed (status, counts, plan); clients refetch or patch their cache. */
  "job:updated": (job: JobDto) => void;
}

export interface ClientToServerEvents {
  /** Join room `job:<id>`; the ack says whether the join was allowed. */
  "job:subscribe": (jobId: string, ack?: (result: { ok: boolean; error?: string }) => void) => void;
  "job:unsubscribe": (jobId: string) => void;
  /** Join the dashboard room: progress of every job this user may see. */
  "jobs:subscribe": (ack?: (result: { ok: boolean }) => void) => void;
}

export const jobRoom = (jobId: string) => `job:${jobId}`;
export const DASHBOARD_ROOM = "jobs";
