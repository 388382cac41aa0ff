// How a re-upload's producers find the records a case already holds (StoredHashFilter), timed on a
// real database: the index look-ups (StoredHashProbe: a range per batch, else the batch's hashes 500
// to an IN) against the case's hashes read once into memory (StoredHashFingerprints).
//
//   npx tsx scripts/bench/stored-hash-lookups.mts --db /path/to/switchyard.db [--rounds 2]
//
// The batches are the case's own hashes in file order (by job and line), 500 a batch as the
// producers send them: a re-upload of what was loaded. Use a database the profile kept, e.g.
// `npx tsx scripts/bench/sqlite-profile.mts --file F --keep` (it prints the path).
import Database from "better-sqlite3";
import { StoredHashProbe } from "../../lib/db/sqlite-stored-hashes";
import { MAX_FINGERPRINT_BYTES, StoredHashFingerprints } from "../../lib/db/stored-hash-fingerprints";
import { COL, ROW_WIDTH, type RecordValue } from "../../lib/ingest/pipeline/record-sink";

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const file = arg("db");
if (!file) throw new Error("usage: stored-hash-lookups.mts --db FILE [--rounds 2]");
const rounds = Number(arg("rounds") ?? 2);
const db = new Database(file, { readonly: true, fileMustExist: true });
db.pragma("cache_size = -2048");
const caseId = db.prepare(`SELECT case_id FROM call_records GROUP BY case_id ORDER BY count(*) DESC LIMIT 1`).pluck().get() as number;
const hashes = db.prepare(`SELECT content_hash FROM call_records WHERE case_id = ? ORDER BY job_id, line`).pluck().all(caseId) as string[];
const batches: RecordValue[][] = [];
for (let i = 0; i < hashes.length; i += 500) {
  const n = Math.min(500, hashes.length - i);
  const values: RecordValue[] = new Array(n * ROW_WIDTH).fill(null);
  for (let k = 0; k < n; k++) values[k * ROW_WIDTH + COL.hash] = hashes[i + k]!;
  batches.push(values);
}
console.log(`case ${caseId}: ${hashes.length.toLocaleString("en-US")} stored hashes, ${batches.length} batches`);
for (let r = 0; r < rounds; r++) {
  const probe = new StoredHashProbe(db, caseId);
  let t = performance.now();
  let found = 0;
  let crowded = 0;
  for (const values of batches) {
    found += probe.stored(values.length / ROW_WIDTH, values).size;
    if (probe.crowded) crowded++;
  }
  const indexMs = performance.now() - t;
  t = performance.now();
  // Past the production limit on purpose, to time bigger cases too (untouched buffer pages cost nothing).
  const set = StoredHashFingerprints.load(db, caseId, 8 * MAX_FINGERPRINT_BYTES);
  if (!set) throw new Error("the case's hashes need more than 8 × MAX_FINGERPRINT_BYTES");
  const loadMs = performance.now() - t;
  t = performance.now();
  let held = 0;
  for (const values of batches) for (let at = COL.hash; at < values.length; at += ROW_WIDTH) if (set.has(values[at] as string)) held++;
  const hasMs = performance.now() - t;
  console.log(
    `round ${r + 1}: index look-ups ${indexMs.toFixed(0)} ms (${found} found, ${crowded} crowded batches); ` +
      `fingerprints: load ${loadMs.toFixed(0)} ms (${set.size} held), look-ups ${hasMs.toFixed(0)} ms (${held} found); ` +
      `RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`,
  );
}
