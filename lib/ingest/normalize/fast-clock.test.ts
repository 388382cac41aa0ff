import { describe, expect, it } from "vitest";
import { isoFromMs } from "./fast-clock";

/** What isoFromMs must equal: the platform's own ISO form, to the second. */
const reference = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");

describe("isoFromMs", () => {
  it("equals Date.toISOString to the second, in time order and out of it, across days that share a cache slot", () => {
    const day = 86_400_000;
    const base = Date.UTC(2023, 0, 1);
    const instants: number[] = [];
    // In order through three days, then jumping: days 1,024 apart share a slot, and before 1970 too.
    for (let s = 0; s < 3 * 86_400; s += 3_607) instants.push(base + s * 1000 + 999);
    for (let i = 0; i < 5_000; i++) instants.push(base + ((i * 7_919) % 900) * day + ((i * 104_729) % 86_400) * 1000);
    for (const k of [0, 1024, 2048, -1024, 1, 1025]) instants.push(base + k * day + 45_296_000, base + k * day);
    instants.push(Date.UTC(1969, 11, 31, 23, 59, 59), Date.UTC(1970, 0, 1), Date.UTC(2038, 0, 19, 3, 14, 8));
    for (const ms of instants) expect(isoFromMs(ms)).toBe(reference(ms));
  });
});
