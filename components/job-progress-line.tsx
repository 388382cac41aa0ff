import type { JobDto, ProgressEvent } from "@/lib/schemas/job";
import { isTerminal } from "@/lib/client/job-cache";
import { formatDuration, formatPercent, formatRate } from "@/lib/client/format";
import { STAGE_LABELS } from "@/lib/client/stages";
import { ProgressBar } from "./progress-bar";
import styles from "./job-progress-line.module.css";

const TONES = { completed: "ok", partial: "warn", needs_review: "warn", failed: "danger", cancelled: "muted" } as const;

/** Stage, percent bar, rate and ETA for a running job; a full, coloured bar once it has finished. */
export function JobProgressLine({ job, tick }: { job: JobDto; tick: ProgressEvent | null }) {
  const done = isTerminal(job);
  const waiting = job.status === "pending" || job.status === "queued";
  const raw = tick?.percent ?? job.progress;
  // Before the first tick a 0% bar looks stuck; an indeterminate bar says "working".
  const percent = done ? 100 : waiting || (raw === 0 && !tick) ? null : raw;
  const tone = done ? (TONES[job.status as keyof typeof TONES] ?? "ok") : "accent";
  const stage = job.stage ? STAGE_LABELS[job.stage] : waiting ? "Waiting in queue" : "Starting";
  return (
    <div className={styles.line}>
      <ProgressBar value={percent} label={`Processing ${job.fileName}`} tone={tone} />
      {!done && (
        <div className={styles.meta}>
          <span data-testid="job-stage" className={styles.stage}>
            {waiting ? "Waiting in queue" : stage}
          </span>
          {percent != null && <span>{formatPercent(percent)}</span>}
          {tick?.rowsPerSecond != null && <span>{formatRate(tick.rowsPerSecond)}</span>}
          {tick?.etaSeconds != null && <span>ETA {formatDuration(tick.etaSeconds)}</span>}
        </div>
      )}
    </div>
  );
}
