import type { JobCounts, Stage } from "../../schemas/job";

export interface ProgressTick {
  stage: Stage;
  percent: number;
  bytesProcessed: number;
  bytesTotal: number;
  counts: JobCounts;
  rowsPerSecond: number | null;
  etaSeconds: number | null;
}

/**
 * Turns raw counters into progress ticks no more often than `minIntervalMs` (the dashboard must
 * stay responsive: ≤ 10 events/s per job), with a rows/s rate and an ETA from bytes consumed.
 */
export class ProgressMeter {
  private lastEmit = 0;
  private readonly startedAt = Date.now();

  constructor(
    private readonly emit: (tick: ProgressTick) => void,
    private readonly minIntervalMs = 100,
  ) {}

  report(stage: Stage, bytesProcessed: number, bytesTotal: number, counts: JobCounts, force = false): void {
    const now = Date.now();
    if (!force && now - this.lastEmit < this.minIntervalMs) return;
    this.lastEmit = now;
    const elapsed = (now - this.startedAt) / 1000;
    const fraction = bytesTotal > 0 ? Math.min(1, bytesProcessed / bytesTotal) : 0;
    const rowsPerSecond = elapsed > 0.2 ? Math.round(counts.rows / elapsed) : null;
    const etaSeconds = fraction > 0.01 && fraction < 1 ? Math.round((elapsed / fraction) * (1 - fraction)) : null;
    this.emit({
      stage,
      percent: stage === "done" ? 100 : Math.round(fraction * 1000) / 10,
      bytesProcessed,
      bytesTotal,
      counts: { ...counts },
      rowsPerSecond,
      etaSeconds,
    });
  }
}
