import type { JobDto, ProgressEvent } from "../schemas/job";

/** How job and case changes leave the job layer; server.ts sends them to Socket.IO rooms, the CLI ignores them. */
export interface JobEvents {
  progress(event: ProgressEvent): void;
  updated(job: JobDto): void;
  /**
   * These users' cases changed (added to or removed from a case, a case renamed or deleted): their
   * sockets are told to refetch, and a user who lost access to `leftCaseId` leaves its room and the
   * rooms of its jobs at once (settled when the returned promise is; callers may await it).
   */
  casesChanged(userIds: string[], leftCaseId?: number): void | Promise<void>;
}

export const silentJobEvents: JobEvents = { progress: () => {}, updated: () => {}, casesChanged: () => {} };
