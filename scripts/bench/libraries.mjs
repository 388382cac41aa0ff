// Runs scripts/bench/readers.mts (our readers against PapaParse and exceljs, parse only) in a
// child process under tsx: the readers are TypeScript in lib/, and a child of its own keeps their
// heap apart from the bench's. Called after the servers have stopped, so nothing competes for the cores.
import { spawnSync } from "node:child_process";
import path from "node:path";

/** Resolves to the child's JSON, or { ok: false, reason }. */
export function timeReaders({ root, csv, xlsx, runs = 2 }) {
  const args = ["--import", "tsx", path.join(root, "scripts/bench/readers.mts"), "--runs", String(runs)];
  if (csv) args.push("--csv", csv);
  if (xlsx) args.push("--xlsx", xlsx);
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8", maxBuffer: 16 << 20, env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "warn" } });
  const line = (r.stdout ?? "").trim().split("\n").at(-1) ?? "";
  try {
    if (r.status !== 0) throw new Error(`exit ${r.status ?? r.signal}`);
    return { ok: true, ...JSON.parse(line) };
  } catch (err) {
    return { ok: false, reason: `scripts/bench/readers.mts failed (${err.message}): ${(r.stderr || line).trim().split("\n").slice(-3).join(" | ")}` };
  }
}

const f = (n) => Math.round(n).toLocaleString("en-US");

/** The lines the bench prints for the comparison. */
export function formatReaders(r) {
  if (!r?.ok) return [`libraries: not measured: ${r?.reason ?? "skipped"}`];
  const out = [];
  if (r.csv) {
    const c = r.csv;
    const lib = c.libraryMode === "step" ? c.papaparseStep : c.papaparseChunk;
    out.push(
      `delimited text (${f(c.ours.rows)} rows): openTextSource ${f(c.ours.rowsPerSecond)} rows/s, its RecordReader alone ${f(c.oursRecordReader.rowsPerSecond)} rows/s; ` +
        `PapaParse ${r.versions.papaparse} streamed: step ${f(c.papaparseStep.rowsPerSecond)}, chunk ${f(c.papaparseChunk.rowsPerSecond)} rows/s → ours ÷ PapaParse (${c.libraryMode}) = ${(c.ours.rowsPerSecond / lib.rowsPerSecond).toFixed(2)} (RecordReader ${(c.oursRecordReader.rowsPerSecond / lib.rowsPerSecond).toFixed(2)})`,
    );
  }
  if (r.xlsx) {
    const x = r.xlsx;
    out.push(
      `workbook (${f(x.ours.rows)} rows): openXlsxSource ${f(x.ours.rowsPerSecond)} rows/s; exceljs ${r.versions.exceljs} WorkbookReader ${f(x.exceljs.rowsPerSecond)} rows/s → ours ÷ exceljs = ${x.ratio.toFixed(2)}`,
    );
  }
  out.push(`(parse only, one process, best of ${r.runs} alternating runs; peak RSS of that process ${f(r.peakRssMb)} MB)`);
  return out;
}
