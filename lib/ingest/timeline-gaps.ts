import { isoInstantMs } from "./iso-instant";

export interface TimelineGap {
  from: string;
  to: string;
  seconds: number;
  /** How many times the target's usual (median) interval this silence lasts. */
  ratio: number;
}

/** A silence is reported when it is at least this long… */
const MIN_GAP_SECONDS = 24 * 3600;
/** …and this many times the target's median interval between events. */
const MIN_RATIO = 8;

/**
 * Finds silences far beyond a target's usual rhythm (possible deleted or missing records).
 * Two passes over ordered ISO start times; the median comes from a log-scale histogram so
 * memory stays constant however many records the target has.
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
      const ratio = seconds / Math.max(1, median);
      if (seconds >= MIN_GAP_SECONDS && ratio >= MIN_RATIO) gaps.push({ from: prevIso, to: t, seconds, ratio: Math.round(ratio * 10) / 10 });
    }
    prev = ms;
    prevIso = t;
  }
  return gaps;
}

/**
 * The same result as findTimelineGaps in one pass over the ordered times: every silence of at
 * least MIN_GAP_SECONDS is kept as a candidate (there are few), and the ratio test waits until the
 * median is known at the end.
 */
export class TimelineGapAccumulator {
  private readonly buckets = new Float64Array(256);
  private count = 0;
  private prevMs: number | null = null;
  private prevIso: string | null = null;
  private readonly candidates: { from: string; to: string; seconds: number }[] = [];

  add(iso: string, ms: number): void {
    if (this.prevMs !== null && this.prevIso !== null) {
      const delta = (ms - this.prevMs) / 1000;
      this.buckets[bucketOf(delta)]! += 1;
      this.count++;
      const seconds = Math.round(delta);
      if (seconds >= MIN_GAP_SECONDS) this.candidates.push({ from: this.prevIso, to: iso, seconds });
    }
    this.prevMs = ms;
    this.prevIso = iso;
  }

  gaps(): TimelineGap[] {
    if (this.count < 10) return [];
    const median = medianFromBuckets(this.buckets, this.count);
    const gaps: TimelineGap[] = [];
    for (const c of this.candidates) {
      const ratio = c.seconds / Math.max(1, median);
      if (ratio >= MIN_RATIO) gaps.push({ ...c, ratio: Math.round(ratio * 10) / 10 });
    }
    return gaps;
  }
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
