/**
 * The calls behind the synthetic vendor files: one list, written in each vendor's documented
 * layout, so the tests compare layouts on the same facts. Ten calls a day apart, some unanswered,
 * NANP numbers and PBX extensions, starts in UTC.
 */
export interface SyntheticCall {
  i: number;
  /** Start (initiation) instant, UTC ms. */
  start: number;
  ringSeconds: number;
  /** Talk seconds: 0 when unanswered. */
  talkSeconds: number;
  answered: boolean;
  caller: string;
  callee: string;
  inbound: boolean;
}

const TALK = [0, 34, 127, 5, 612, 48, 0, 93, 17, 240];

export function syntheticCalls(n = 10): SyntheticCall[] {
  return Array.from({ length: n }, (_, i) => {
    const talk = TALK[i % TALK.length]!;
    const inbound = i % 3 === 1;
    const outside = `+1212555${String(100 + i * 7).padStart(4, "0")}`;
    const ext = String(1000 + i);
    return {
      i,
      start: Date.UTC(2024, 2, 4 + i, 14 + (i % 5), (i * 13) % 60, (i * 7) % 60),
      ringSeconds: 3 + (i % 4),
      talkSeconds: talk,
      answered: talk > 0,
      caller: inbound ? outside : ext,
      callee: inbound ? ext : outside,
      inbound,
    };
  });
}

export const answerMs = (c: SyntheticCall) => c.start + c.ringSeconds * 1000;
export const endMs = (c: SyntheticCall) => answerMs(c) + c.talkSeconds * 1000;

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** `YYYY-MM-DD HH:MM:SS` of a UTC instant shifted by `offsetHours` (a PBX's local wall clock). */
export function wallClock(ms: number, offsetHours = 0, dateSep = "-"): string {
  const d = new Date(ms + offsetHours * 3_600_000);
  return `${d.getUTCFullYear()}${dateSep}${pad(d.getUTCMonth() + 1)}${dateSep}${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** `H:MM:SS` of a length in seconds. */
export const clockLength = (s: number) => `${Math.floor(s / 3600)}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;

/** A deterministic RFC 4122-shaped id. */
export function fakeUuid(seed: number): string {
  const hex = (n: number, w: number) => (n >>> 0).toString(16).padStart(w, "0").slice(-w);
  return `${hex(0x5f3a0000 + seed * 7919, 8)}-${hex(seed * 31, 4)}-11ef-${hex(0x8000 + seed, 4)}-${hex(0xa1b2c3 + seed, 6)}${hex(seed * 977, 6)}`;
}

export const epochSeconds = (ms: number) => String(Math.floor(ms / 1000));
