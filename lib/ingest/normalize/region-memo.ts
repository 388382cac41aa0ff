import { MemoGate } from "./memo-gate";

/**
 * A bounded memo per region for text → reading functions: carrier files repeat the same few
 * hundred numbers across a million rows, and a tower dump repeats none.
 *
 * Two generations instead of evicting the oldest entry one by one: V8's Map keeps deleted entries
 * as holes until it rehashes, so `keys().next()` after many deletes walks every hole first — a
 * file of distinct numbers made each miss cost ~18 µs (3.6 s per 200k numbers, most of a
 * tower dump's parse; docs/benchmarks.md). Here a full generation is dropped whole, a hit in the
 * old one is copied into the new, and a miss costs one compute and one set.
 */
export function regionMemo<T>(compute: (text: string, region: string) => T, cap = 25_000): (text: string, region: string) => T {
  const memos = new Map<string, Generations<T>>();
  let lastRegion: string | null = null;
  let last: Generations<T> | null = null;
  // Off while nothing repeats (a tower dump): see MemoGate.
  const gate = new MemoGate();
  return (text, region) => {
    if (!gate.open()) return compute(text, region);
    let memo = region === lastRegion ? last! : memos.get(region);
    if (!memo) memos.set(region, (memo = { young: new Map(), old: new Map() }));
    lastRegion = region;
    last = memo;
    let hit = memo.young.get(text);
    if (hit !== undefined) {
      gate.count(true);
      return hit;
    }
    hit = memo.old.get(text);
    if (gate.count(hit !== undefined)) {
      memos.clear();
      last = lastRegion = null;
    }
    const result = hit !== undefined ? hit : compute(text, region);
    if (memo.young.size >= cap) {
      memo.old = memo.young;
      memo.young = new Map();
    }
    memo.young.set(text, result);
    return result;
  };
}

interface Generations<T> {
  young: Map<string, T>;
  old: Map<string, T>;
}
