import { isoInstantMs } from "./iso-instant";

export interface NearDuplicateCandidate {
  id: number;
  caller: string;
  callee: string;
  type: string;
  start: string;
  duration: number;
}

const WINDOW_MS = 2000;
const DURATION_TOLERANCE = 1;

/**
 * Finds near-duplicates in records ordered by start time: the same parties and type, starting
 * within ±2 s with durations within ±1 s (two switch legs of one call, or one call in two
 * carriers' files). Returns duplicate id → primary id (the earliest record of the group).
 * One pass with a sliding window of the last 2 seconds, so it is linear in the record count.
 */
export function findNearDuplicates(ordered: Iterable<NearDuplicateCandidate>): Map<number, number> {
  const links = new Map<number, number>();
  const window = new NearDuplicateWindow();
  for (const r of ordered) {
    const primary = window.primaryOf(r.id, r.caller, r.callee, r.type, isoInstantMs(r.start), r.duration);
    if (primary !== null) links.set(r.id, primary);
  }
  return links;
}

interface WindowEntry {
  id: number;
  caller: string;
  callee: string;
  type: string;
  ms: number;
  duration: number;
}

/**
 * The sliding window itself, fed one record at a time in start-time order, so a caller that
 * already scans the records (the post-load pass) needs no second scan and no candidate objects.
 */
export class NearDuplicateWindow {
  // Records of the last 2 seconds; `head` moves forward instead of re-filtering the array.
  private window: WindowEntry[] = [];
  private head = 0;

  /** The primary this record repeats, or null (then it joins the window as a possible primary). */
  primaryOf(id: number, caller: string, callee: string, type: string, ms: number, duration: number): number | null {
    const window = this.window;
    while (this.head < window.length && ms - window[this.head]!.ms > WINDOW_MS) this.head++;
    if (this.head > 1024) {
      window.splice(0, this.head);
      this.head = 0;
    }
    for (let i = this.head; i < window.length; i++) {
      const w = window[i]!;
      if (w.caller === caller && w.callee === callee && w.type === type && Math.abs(w.duration - duration) <= DURATION_TOLERANCE) return w.id;
    }
    window.push({ id, caller, callee, type, ms, duration });
    return null;
  }
}
