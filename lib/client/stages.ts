import type { JobDto, Stage } from "@/lib/schemas/job";

export const STAGE_LABELS: Record<Stage, string> = {
  upload: "Upload",
  detect: "Detect",
  classify: "Classify",
  extract: "Extract",
  validate: "Validate",
  load: "Load",
  finalize: "Finalize",
  done: "Done",
};

/** The steps the timeline shows; upload happens before the job exists and finalize is part of loading. */
export const TIMELINE_STAGES = ["detect", "classify", "extract", "validate", "load", "done"] as const;
export type TimelineStage = (typeof TIMELINE_STAGES)[number];

export function timelineIndex(stage: Stage | null): number {
  if (stage == null || stage === "upload") return -1;
  if (stage === "finalize") return TIMELINE_STAGES.indexOf("load");
  return TIMELINE_STAGES.indexOf(stage);
}

/** Where the job is on the timeline, counting a completed job as at "done" even if the stage field lags. */
export function currentTimelineIndex(job: Pick<JobDto, "status" | "stage">): number {
  if (job.status === "completed" || job.status === "partial") return TIMELINE_STAGES.length - 1;
  return timelineIndex(job.stage);
}
