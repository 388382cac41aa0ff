import fs from "node:fs";
// @ts-expect-error -- a plain .mjs module (another engineer's) without type declarations
import { createCdrGenerator } from "../../scripts/bench/cdr-rows.mjs";

const pad2 = (n: number) => (n < 10 ? "0" : "") + n;

/** "MM/DD/YY" + "HH:MM:SS" (UTC) moved by `seconds`. */
function shift(date: string, time: string, seconds: number): [string, string] {
  const [mm, dd, yy] = date.split("/").map(Number) as [number, number, number];
  const [h, m, s] = time.split(":").map(Number) as [number, number, number];
  const d = new Date(Date.UTC(2000 + yy, mm - 1, dd, h, m, s) + seconds * 1000);
  return [
    `${pad2(d.getUTCMonth() + 1)}/${pad2(d.getUTCDate())}/${pad2(d.getUTCFullYear() % 100)}`,
    `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`,
  ];
}

/**
 * Writes an AT&T-layout CDR file (the benchmark generator's rows: one target, 7133537623, rows 1–40 s
 * apart from 2023-01-01 UTC) with every time moved by `shiftSeconds`: the same seed with a shift of
 * 1 s gives the same calls as near-duplicates (another content key, start 1 s later); a shift of
 * days gives a later delivery of the same target. `longerBy` lengthens every call (not messages):
 * the other leg of a call that lasted a little longer.
 */
export function writeAttFile(out: string, opts: { rows: number; seed: number; shiftSeconds?: number; longerBy?: number }): void {
  const gen = createCdrGenerator({ seed: opts.seed });
  const lines: string[] = [...gen.preamble, "", gen.header.join(",")];
  for (const row of gen.rows(opts.rows) as Iterable<string[]>) {
    if (opts.shiftSeconds) [row[1], row[2]] = shift(row[1]!, row[2]!, opts.shiftSeconds);
    if (opts.longerBy && row[4] !== "0:00") {
      const [m, s] = row[4]!.split(":").map(Number) as [number, number];
      const secs = m * 60 + s + opts.longerBy;
      row[4] = `${Math.floor(secs / 60)}:${pad2(secs % 60)}`;
    }
    lines.push(row.join(","));
  }
  fs.writeFileSync(out, lines.join("\r\n") + "\r\n");
}
