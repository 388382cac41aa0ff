// The scanned-PDF bench (issue 20): "≤ 3 s a page at 300 dpi on two cores, peak RSS ≤ 500 MB".
//
//   npx tsx scripts/bench-ocr.mts [--pages 2,6] [--runs 1] [--input ../shared/fixtures/cdr/att-1.csv] [--keep]
//                                 [--tree DIR] [--label NAME]
//
// --tree reads with another copy of the code, for a before/after in the same minutes: e.g.
//   mkdir /tmp/before && git archive HEAD lib | tar -x -C /tmp/before && mkdir /tmp/before/scripts \
//   && cp scripts/bench-ocr.mts /tmp/before/scripts/ && npx tsx scripts/bench-ocr.mts --tree /tmp/before
//
// 1. For each page count, scripts/make-pdf-fixtures.mjs writes the text PDF of the carrier file and an
//    image-only copy of its first N pages (rendered at 300 dpi, grayscale JPEG: a "scan").
// 2. A fresh child process opens the scan through the real reader (openPdfSource: sample, then every
//    row, then close) so its peak RSS (getrusage ru_maxrss: pdf.js, the canvas, the tesseract worker
//    threads) is the OCR's alone. The child is this file bundled by esbuild like the production build
//    (dist/) and run by plain node: under tsx the same reads cost 230–370 MB more (tsx's own heap and
//    source maps of pdf.js). Wall time runs from open to close, worker start-up included.
// 3. Accuracy against the text PDF of the same pages (its text layer is exact): rows found, cells
//    equal to the text's cell at the same row and column, and the same for the phone columns.
// The load average goes with every figure: the two cores are often shared.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const argv = process.argv.slice(2);
const arg = (name: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : undefined);
const say = (s: string) => process.stderr.write(s + "\n");
const TARGETS = { secondsPerPage: 3, rssMb: 500 };
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

interface ChildResult {
  pages: number;
  seconds: number;
  peakRssMb: number;
  cpuSeconds: number;
  rows: string[][];
}

/** All rows of a PDF through the production reader, with the page each came from. */
async function readAll(file: string): Promise<{ cells: string[]; page: number }[]> {
  const { openPdfSource } = await import("../lib/ingest/extract/pdf/pdf-source");
  const src = await openPdfSource(file);
  await src.sample();
  const out: { cells: string[]; page: number }[] = [];
  for await (const batch of src.rows()) for (const r of batch) out.push({ cells: r.cells, page: Number(/\(page (\d+)\)$/.exec(r.raw)?.[1] ?? 0) });
  await src.close();
  return out;
}

// ─── The child: one scanned PDF, read and timed, then exit ───────────────────────────────────────

if (argv.includes("--child")) {
  const file = arg("file")!;
  const t0 = performance.now();
  // --trace: the child's memory every 250 ms (rss, JS heap, external), to see where the peak is.
  if (argv.includes("--trace")) {
    const mb = (n: number) => Math.round(n / 1e6);
    setInterval(() => {
      const m = process.memoryUsage();
      say(`${((performance.now() - t0) / 1000).toFixed(1)} s rss ${mb(m.rss)} heap ${mb(m.heapUsed)} external ${mb(m.external)}`);
    }, 250).unref();
  }
  const rows = await readAll(file);
  const seconds = (performance.now() - t0) / 1000;
  const usage = process.cpuUsage();
  const result: ChildResult = {
    pages: Math.max(0, ...rows.map((r) => r.page)),
    seconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    cpuSeconds: (usage.user + usage.system) / 1e6,
    rows: rows.map((r) => r.cells),
  };
  process.stdout.write(JSON.stringify(result) + "\n");
  process.exit(0);
}

// ─── The parent: fixtures, then one child per run ────────────────────────────────────────────────

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const input = path.resolve(arg("input") ?? path.join(root, "../shared/fixtures/cdr/att-1.csv"));
const pageCounts = (arg("pages") ?? "2,6").split(",").map(Number);
const runs = Number(arg("runs") ?? 1);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sy-bench-ocr-"));
const base = path.basename(input).replace(/\.[^.]+$/, "");
const tree = path.resolve(arg("tree") ?? root);
const label = arg("label") ?? (tree === root ? "working tree" : tree);
// Inside the repo so that the bundle resolves pdfjs-dist, tesseract.js and its model from node_modules.
const childBundle = path.join(root, `node_modules/.cache/switchyard-bench-ocr/child-${process.pid}.mjs`);
const { build } = await import("esbuild");
await build({
  entryPoints: [path.join(tree, "scripts/bench-ocr.mts")],
  outfile: childBundle,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  logLevel: "warning",
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
const isPhone = (s: string) => /^\+?\d{7,15}$/.test(s);

try {
  for (const pages of pageCounts) {
    const dir = path.join(tmp, `p${pages}`);
    const gen = spawnSync(process.execPath, [path.join(root, "scripts/make-pdf-fixtures.mjs"), "--input", input, "--out", dir, "--scan-pages", String(pages)], {
      cwd: root,
      encoding: "utf8",
    });
    if (gen.status !== 0) throw new Error(`make-pdf-fixtures failed: ${gen.stderr}`);
    const truth = (await readAll(path.join(dir, `${base}.text.pdf`))).filter((r) => r.page <= pages).map((r) => r.cells);
    const phoneCols = (truth[0] ?? []).map((_, c) => c).filter((c) => truth.slice(0, 30).every((r) => isPhone(r[c] ?? "")));
    for (let run = 1; run <= runs; run++) {
      const loadBefore = load();
      const r = spawnSync(process.execPath, [childBundle, "--child", "--file", path.join(dir, `${base}.scan.pdf`), ...(argv.includes("--trace") ? ["--trace"] : [])], {
        cwd: root,
        encoding: "utf8",
        maxBuffer: 64 << 20,
        env: { ...process.env, LOG_LEVEL: "warn" },
      });
      if (r.status !== 0) throw new Error(`OCR child failed: ${r.stderr}`);
      if (argv.includes("--trace")) say(r.stderr);
      const res = JSON.parse(r.stdout.trim().split("\n").at(-1)!) as ChildResult;
      let cells = 0;
      let exact = 0;
      let phones = 0;
      let phonesExact = 0;
      truth.forEach((t, i) =>
        t.forEach((v, c) => {
          const ok = res.rows[i]?.[c] === v;
          cells++;
          if (ok) exact++;
          if (!phoneCols.includes(c)) return;
          phones++;
          if (ok) phonesExact++;
        }),
      );
      const perPage = res.seconds / pages;
      say(
        `[${label}] ${pages} pages (run ${run}): ${res.seconds.toFixed(1)} s = ${perPage.toFixed(2)} s/page ${perPage <= TARGETS.secondsPerPage ? "✓" : "✗"}, ` +
          `peak RSS ${Math.round(res.peakRssMb)} MB ${res.peakRssMb <= TARGETS.rssMb ? "✓" : "✗"}, CPU ${res.cpuSeconds.toFixed(1)} s; ` +
          `rows ${res.rows.length}/${truth.length}, cells exact ${exact}/${cells} (${((100 * exact) / cells).toFixed(1)} %), ` +
          `phone cells ${phonesExact}/${phones} (${((100 * phonesExact) / phones).toFixed(1)} %); load ${loadBefore} → ${load()}`,
      );
    }
  }
} finally {
  fs.rmSync(childBundle, { force: true });
  if (argv.includes("--keep")) say(`kept ${tmp}`);
  else fs.rmSync(tmp, { recursive: true, force: true });
}
