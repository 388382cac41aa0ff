import type { JobDto, ProgressEvent } from "./job";

/** One typed Socket.IO event map, shared by server.ts and the browser client. */
export interface ServerToClientEvents {
  /** Progress of one job, at most ~10 per second per job, to room `job:<id>` and its case's room. */
  "job:progress": (event: ProgressEvent) => void;
  /** A job row changed (status, counts, plan); clients refetch or patch their cache. */
  "job:updated": (job: JobDto) => void;
  /** The user's cases changed (added to or removed from a case, a case renamed or deleted): refetch the case list. */
  "cases:changed": () => void;
}

export interface ClientToServerEvents {
  /** Join room `job:<id>`; the ack says whether the join was allowed (the same answer for a job that does not exist). */
  "job:subscribe": (jobId: string, ack?: (result: { ok: boolean; error?: string }) => void) => void;
  "job:unsubscribe": (jobId: string) => void;
  /**
   * Join the dashboard of one case (`caseId`) — progress and updates of every job in it — or, without
   * a case, of every case the user may see. Leaves any dashboard joined before.
   */
  "jobs:subscribe": (caseId: number | null, ack?: (result: { ok: boolean; error?: string }) => void) => void;
}

export const jobRoom = (jobId: string) => `job:${jobId}`;
export const caseRoom = (caseId: number) => `case:${caseId}`;
export const userRoom = (userId: string) => `user:${userId}`;
/** The sockets opened with one credential (a session or an API token), cut when it ends. */
export const credentialRoom = (via: "session" | "token", credentialId: string) => `${via}:${credentialId}`;
