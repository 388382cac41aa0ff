import type { JobDto } from "@/lib/schemas/job";
import { isTerminal } from "@/lib/client/job-cache";
import { currentTimelineIndex, STAGE_LABELS, TIMELINE_STAGES } from "@/lib/client/stages";
import styles from "./stage-timeline.module.css";

type StepState = "done" | "current" | "failed" | "review" | "todo";

/** detect → classify → extract → validate → load → done, with the current step highlighted. */
export function StageTimeline({ job }: { job: JobDto }) {
  const current = currentTimelineIndex(job);
  const stopped = job.status === "failed" || job.status === "cancelled" || job.status === "needs_review";
  const finished = isTerminal(job) && !stopped;

  // A job that stopped without a known stage (e.g. its worker crashed) cannot claim any step was done.
  const unknownStop = stopped && (job.stage == null || job.stage === "done");

  const stateOf = (i: number): StepState => {
    if (finished) return "done";
    if (unknownStop) return "todo";
    if (i < current) return "done";
    if (i === current) return stopped ? (job.status === "needs_review" ? "review" : "failed") : "current";
    return "todo";
  };

  return (
    <ol className={styles.timeline} aria-label="Processing stages">
      {TIMELINE_STAGES.map((stage, i) => {
        const state = stateOf(i);
        return (
          <li key={stage} className={`${styles.step} ${styles[state]}`} aria-current={state === "todo" || state === "done" ? undefined : "step"} data-state={state}>
            <span className={styles.marker} aria-hidden="true">
              {state === "done" ? "✓" : state === "failed" ? "×" : state === "review" ? "!" : i + 1}
            </span>
            <span className={styles.label}>{STAGE_LABELS[stage]}</span>
            {state !== "todo" && <span className="visually-hidden"> ({state === "failed" || state === "review" ? `stopped: ${job.status}` : state})</span>}
          </li>
        );
      })}
    </ol>
  );
}
