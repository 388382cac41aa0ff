import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

/** Third-party suites live outside the repo (../shared/corpora); SWITCHYARD_CORPORA overrides the path. */
export const CORPORA_DIR = path.resolve(process.env.SWITCHYARD_CORPORA ?? path.join(root, "../shared/corpora"));
/** Carrier sample files with ground truth; SWITCHYARD_FIXTURES overrides the path. */
export const CDR_FIXTURES_DIR = path.resolve(process.env.SWITCHYARD_FIXTURES ?? path.join(root, "../shared/fixtures/cdr"));

/** Path of a corpus folder, or null (with a note on stderr) when it is absent so the caller can skip. */
export function corpus(name: string): string | null {
  const dir = path.join(CORPORA_DIR, name);
  if (fs.existsSync(dir)) return dir;
  process.stderr.write(`[corpora] ${dir} is absent: skipping the tests that need it\n`);
  return null;
}

/** Every file whose name matches `pattern` below the given suites that are present (absent ones are noted and skipped). */
export function corpusFiles(suites: string[], pattern: RegExp): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (pattern.test(e.name)) files.push(p);
    }
  };
  for (const s of suites) {
    const dir = corpus(s);
    if (dir) walk(dir);
  }
  return files;
}

export function cdrFixtures(): string | null {
  if (fs.existsSync(path.join(CDR_FIXTURES_DIR, "INDEX.json"))) return CDR_FIXTURES_DIR;
  process.stderr.write(`[fixtures] ${CDR_FIXTURES_DIR} is absent: skipping the tests that need it\n`);
  return null;
}

export interface CdrTruth {
  file: string;
  carrier: string;
  delimiter: string;
  encoding: string;
  header_line: number | null;
  headerless: boolean;
  timezone: string;
  target: string;
  columns: { index: number; header: string; field: string | null }[];
  records: { start_time: string; duration_seconds: number; caller: string; callee: string; record_type: string; direction: string }[];
  exact_duplicate_lines: number;
  rejected_lines: number[];
  expect_review: boolean;
}

export function loadCdrTruths(dir: string): CdrTruth[] {
  const index = JSON.parse(fs.readFileSync(path.join(dir, "INDEX.json"), "utf8")) as { file: string }[];
  return index.map((e) => JSON.parse(fs.readFileSync(path.join(dir, `${e.file}.truth.json`), "utf8")) as CdrTruth);
}
