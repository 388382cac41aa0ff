#!/usr/bin/env node
// `npm test`: the whole suite. Builds the app when needed, runs the unit/integration tests
// (vitest, real SQLite files, real fixtures), then the browser journeys (Playwright in Debian
// Chromium against the production server), and prints one closing line with the totals.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1", LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" };
const results = path.join(root, "test-results");
fs.mkdirSync(results, { recursive: true });

function run(label, cmd, args) {
  process.stderr.write(`\n▶ ${label}\n`);
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: "inherit" });
  return r.status ?? 1;
}

const totals = { passed: 0, failed: 0, skipped: 0 };
let status = 0;

status |= run("build (production)", process.execPath, ["scripts/build.mjs"]);

const vitestJson = path.join(results, "vitest.json");
status |= run("unit and integration tests (vitest)", process.execPath, [
  path.join(root, "node_modules/vitest/vitest.mjs"),
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile=${vitestJson}`,
]);
if (fs.existsSync(vitestJson)) {
  const v = JSON.parse(fs.readFileSync(vitestJson, "utf8"));
  totals.passed += v.numPassedTests ?? 0;
  totals.failed += v.numFailedTests ?? 0;
  totals.skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
  // Scale-out: say plainly whether the PostgreSQL suites (tests/pg, tests/scale) ran or skipped.
  const pgTests = (v.testResults ?? []).filter((f) => /tests\/(pg|scale)\//.test(f.name)).flatMap((f) => f.assertionResults ?? []);
  const ran = pgTests.filter((t) => t.status === "passed" || t.status === "failed").length;
  process.stderr.write(
    ran > 0
      ? `\nPostgreSQL suite: ran (${ran} of ${pgTests.length} tests against ${process.env.SWITCHYARD_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test"}).\n`
      : `\nPostgreSQL suite: SKIPPED (${pgTests.length} tests) — PostgreSQL was unreachable; set SWITCHYARD_TEST_PG_URL to run it.\n`,
  );
}

if (!fs.existsSync("/usr/bin/chromium")) {
  process.stderr.write("\nDebian Chromium (/usr/bin/chromium) is not installed: the browser journeys cannot run. Install it with `apt-get install chromium`.\n");
  status |= 1;
} else {
  const pwJson = path.join(results, "playwright.json");
  const code = run("browser journeys (Playwright, Debian Chromium)", process.execPath, [path.join(root, "node_modules/@playwright/test/cli.js"), "test"]);
  status |= code;
  if (fs.existsSync(pwJson)) {
    const s = JSON.parse(fs.readFileSync(pwJson, "utf8")).stats ?? {};
    totals.passed += (s.expected ?? 0) + (s.flaky ?? 0);
    totals.failed += s.unexpected ?? 0;
    totals.skipped += s.skipped ?? 0;
  }
}

if (status !== 0 && totals.failed === 0) totals.failed = 1; // a step failed outside any test (build, runner crash)
process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(status === 0 ? 0 : 1);
