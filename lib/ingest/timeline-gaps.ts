import { isoInstantMs } from "./iso-instant";

export interface TimelineGap {
  from: string;
  to: string;
  seconds: number;
  /** How many times the target's usual (median) interval this silence lasts (rounded down to 0.1). */
  ratio: number;
}

/** The rule a silence must meet to be reported: at least `minSeconds` long and `minRatio` × the target's median interval. */
export interface GapThresholdRule {
  minSeconds: number;
  minRatio: number;
}

/**
 * Every silence at least this long is stored as a candidate (timeline_gaps), so an analyst's
 * threshold (lib/data/gap-thresholds.ts) can be applied when reading without a reload. It is also
 * the smallest minimum a threshold may set: below an hour, a busy target's every lunch break is a "gap".
 */
export const CANDIDATE_GAP_SECONDS = 3600;
/** Candidates shorter than the target's median interval are not stored: no threshold goes below 1×. */
export const CANDIDATE_GAP_RATIO = 1;

/** The rule when the analyst set none for a target: a day of silence and 8× the usual interval. */
export const DEFAULT_GAP_THRESHOLD: GapThresholdRule = { minSeconds: 24 * 3600, minRatio: 8 };

/** Whether a stored gap meets a rule (ratios are stored rounded down to 0.1, so a rule with one decimal compares exactly). */
export function meetsGapThreshold(g: Pick<TimelineGap, "seconds" | "ratio">, rule: GapThresholdRule = DEFAULT_GAP_THRESHOLD): boolean {
  return g.seconds >= rule.minSeconds && g.ratio >= rule.minRatio;
}

/**
 * Finds the candidate silences of a target (at least CANDIDATE_GAP_SECONDS and its median
 * interval), each with its ratio; the reported ones are those meeting a threshold
 * (meetsGapThreshold). Two passes over ordered ISO start times; the median comes from a log-scale
 * histogram so memory stays constant however many records the target has.
 */
export function findTimelineGaps(orderedTimes: () => Iterable<string>): TimelineGap[] {
  const buckets = new Float64Array(256);
  let count = 0;
  let prev: number | null = null;
  for (const t of orderedTimes()) {
    const ms = isoInstantMs(t);
    if (prev !== null) {
      buckets[bucketOf((ms - prev) / 1000)]! += 1;
      count++;
    }
    prev = ms;
  }
  if (count < 10) return [];
  const median = medianFromBuckets(buckets, count);
  const gaps: TimelineGap[] = [];
  let prevIso: string | null = null;
  prev = null;
  for (const t of orderedTimes()) {
    const ms = isoInstantMs(t);
    if (prev !== null && prevIso !== null) {
      const seconds = Math.round((ms - prev) / 1000);
      const gap = candidate(prevIso, t, seconds, median);
      if (gap) gaps.push(gap);
    }
    prev = ms;
    prevIso = t;
  }
  return gaps;
}

/**
 * The same result as findTimelineGaps in one pass over the ordered times: every silence of at
 * least CANDIDATE_GAP_SECONDS is kept until the median is known at the end (a busy target has
 * about one a night; a sparse one has few records).
 */
export class TimelineGapAccumulator {
  private readonly buckets = new Float64Array(256);
  private count = 0;
  private prevMs: number | null = null;
  private prevIso: string | null = null;
  private readonly silences: { from: string; to: string; seconds: number }[] = [];

  add(iso: string, ms: number): void {
    if (this.prevMs !== null && this.prevIso !== null) {
      const delta = (ms - this.prevMs) / 1000;
      this.buckets[bucketOf(delta)]! += 1;
      this.count++;
      const seconds = Math.round(delta);
      if (seconds >= CANDIDATE_GAP_SECONDS) this.silences.push({ from: this.prevIso, to: iso, seconds });
    }
    this.prevMs = ms;
    this.prevIso = iso;
  }

  /** The candidate silences, each with its ratio to the target's median interval. */
  gaps(): TimelineGap[] {
    if (this.count < 10) return [];
    const median = medianFromBuckets(this.buckets, this.count);
    const gaps: TimelineGap[] = [];
    for (const s of this.silences) {
      const gap = candidate(s.from, s.to, s.seconds, median);
      if (gap) gaps.push(gap);
    }
    return gaps;
  }
}

function candidate(from: string, to: string, seconds: number, median: number): TimelineGap | null {
  if (seconds < CANDIDATE_GAP_SECONDS) return null;
  const ratio = seconds / Math.max(1, median);
  if (ratio < CANDIDATE_GAP_RATIO) return null;
  // Rounded down: a stored 8.0 means at least 8×, so "ratio >= 8" in SQL is the rule itself.
  return { from, to, seconds, ratio: Math.floor(ratio * 10 + 1e-9) / 10 };
}

/** 8 buckets per doubling: ~9 % resolution, plenty for "far beyond the usual". */
function bucketOf(seconds: number): number {
  if (seconds <= 1) return 0;
  return Math.min(255, Math.floor(Math.log2(seconds) * 8) + 1);
}

function medianFromBuckets(buckets: Float64Array, count: number): number {
  let seen = 0;
  for (let i = 0; i < buckets.length; i++) {
    seen += buckets[i]!;
    if (seen >= count / 2) return i === 0 ? 1 : 2 ** ((i - 0.5) / 8);
  }
  return 1;
}
