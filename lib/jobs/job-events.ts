import type { JobDto, ProgressEvent } from "../schemas/job";

/** How job changes leave the job layer; server.ts sends them to Socket.IO rooms, the CLI ignores them. */
export interface JobEvents {
  progress(event: ProgressEvent): void;
  updated(job: JobDto): void;
}

export const silentJobEvents: JobEvents = { progress: () => {}, updated: () => {} };
