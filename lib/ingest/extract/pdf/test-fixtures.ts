import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** What scripts/make-pdf-fixtures.mjs writes beside each PDF: the table exactly as the text file holds it. */
export interface FixtureTruth {
  preamble: string[];
  headers: string[];
  rows: string[][];
}

const repoRoot = path.resolve(import.meta.dirname, "../../../..");

/** Generates the PDF fixtures of one carrier file into a fresh temp folder (tests never write into the repo). */
export function makePdfFixtures(input: string, extra: string[] = []): { dir: string; base: string; truth: FixtureTruth } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "switchyard-pdf-"));
  execFileSync(process.execPath, [path.join(repoRoot, "scripts/make-pdf-fixtures.mjs"), "--input", input, "--out", dir, ...extra], { cwd: repoRoot });
  const base = path.basename(input).replace(/\.[^.]+$/, "");
  const truth = JSON.parse(fs.readFileSync(path.join(dir, `${base}.rows.json`), "utf8")) as FixtureTruth;
  return { dir, base, truth };
}
