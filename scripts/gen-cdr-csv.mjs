#!/usr/bin/env node
// Writes a deterministic AT&T-style CDR CSV of N rows (~100 bytes a row: 1M rows ≈ 100 MB) for
// the throughput benchmark. Same layout and CRLF line endings as ../shared/fixtures/cdr/att-1.csv;
// rows come from scripts/bench/cdr-rows.mjs. Streams to disk in ~1 MB chunks and waits for the
// stream to drain, so memory stays flat even for the 10M-row (~1 GB) file.
//
// usage: node scripts/gen-cdr-csv.mjs --rows 1000000 --out /tmp/cdr-1m.csv [--seed 20240301]
import fs from "node:fs";
import path from "node:path";
import { once } from "node:events";
import { createCdrGenerator, runGeneratorCli } from "./bench/cdr-rows.mjs";

/** Writes the file; resolves to { rows, bytes }. */
export async function writeCdrCsv({ rows, out, seed }) {
  const gen = createCdrGenerator({ seed });
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  const stream = fs.createWriteStream(out);
  let bytes = 0;
  let chunk = gen.preamble.join("\r\n") + "\r\n\r\n" + gen.header.join(",") + "\r\n";
  for (const row of gen.rows(rows)) {
    chunk += row.join(",") + "\r\n";
    if (chunk.length >= 1 << 20) {
      bytes += chunk.length; // ASCII only: characters = bytes
      if (!stream.write(chunk)) await once(stream, "drain");
      chunk = "";
    }
  }
  bytes += chunk.length;
  stream.end(chunk);
  await once(stream, "finish");
  return { rows, bytes };
}

await runGeneratorCli(import.meta.url, "node scripts/gen-cdr-csv.mjs --rows N --out FILE [--seed S]", writeCdrCsv);
