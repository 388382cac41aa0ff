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
  // Records of the last 2 seconds; `head` moves forward instead of re-filtering the array.
  const window: (NearDuplicateCandidate & { ms: number })[] = [];
  let head = 0;
  for (const r of ordered) {
    const ms = isoInstantMs(r.start);
    while (head < window.length && ms - window[head]!.ms > WINDOW_MS) head++;
    if (head > 1024) {
      window.splice(0, head);
      head = 0;
    }
    let primary: (typeof window)[number] | undefined;
    for (let i = head; i < window.length && !primary; i++) {
      const w = window[i]!;
      if (w.caller === r.caller && w.callee === r.callee && w.type === r.type && Math.abs(w.duration - r.duration) <= DURATION_TOLERANCE) primary = w;
    }
    if (primary) links.set(r.id, primary.id);
    else window.push({ ...r, ms });
  }
  return links;
}
