/**
 * A bounded memo per region for text → reading functions: carrier files repeat the same few
 * hundred numbers across a million rows. When the cap is reached the oldest entry goes.
 */
export function regionMemo<T>(compute: (text: string, region: string) => T, cap = 50_000): (text: string, region: string) => T {
  const memos = new Map<string, Map<string, T>>();
  let lastRegion: string | null = null;
  let last: Map<string, T> | null = null;
  return (text, region) => {
    let memo = region === lastRegion ? last! : memos.get(region);
    if (!memo) memos.set(region, (memo = new Map()));
    lastRegion = region;
    last = memo;
    const hit = memo.get(text);
    if (hit !== undefined) return hit;
    const result = compute(text, region);
    if (memo.size >= cap) memo.delete(memo.keys().next().value as string);
    memo.set(text, result);
    return result;
  };
}
