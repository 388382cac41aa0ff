// The other reference point: PapaParse alone, streaming the file and counting rows (~900k
// rows/s on the machine the targets were written on). Printed beside DuckDB so a reader can tell a
// slow machine from a slow pipeline.
import fs from "node:fs";
import { createRequire } from "node:module";
import Papa from "papaparse";

const { version } = createRequire(import.meta.url)("papaparse/package.json");

/** Streams `file` through Papa.parse with a step callback that only counts; the faster of `runs`. */
export async function timePapaParse(file, { runs = 2 } = {}) {
  const runsSeconds = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    rows = 0;
    const t0 = performance.now();
    await new Promise((resolve, reject) => Papa.parse(fs.createReadStream(file), { step: () => void rows++, complete: resolve, error: reject }));
    runsSeconds.push((performance.now() - t0) / 1000);
  }
  const seconds = Math.min(...runsSeconds);
  return { ok: true, version, seconds, runsSeconds, rows, rowsPerSecond: rows / seconds };
}
