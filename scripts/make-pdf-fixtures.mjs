#!/usr/bin/env node
// Builds PDF test fixtures from a carrier text file (CSV/TSV/pipe) of ../shared/fixtures/cdr:
//   NAME.text.pdf   multi-page text PDF: preamble, page header/footer, header row repeated per page
//   NAME.scan.pdf   image-only copy of the first --scan-pages pages (rendered with pdfjs at 300 dpi)
//   NAME.rows.json  { preamble, headers, rows } exactly as the text file holds them (the truth)
//   bench-NNN.pdf   with --pages N: an N-page text PDF (rows repeated) for the throughput benchmark
// Deterministic: same input → same bytes (no dates, no random ids).
//
// usage: node scripts/make-pdf-fixtures.mjs [--input FILE] [--out DIR] [--scan-pages 2] [--pages 100]
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = parseArgs(process.argv.slice(2));
const input = path.resolve(args.input ?? path.join(root, "../shared/fixtures/cdr/att-1.csv"));
const outDir = path.resolve(args.out ?? path.join(root, "tests/fixtures/generated"));
const scanPages = Number(args["scan-pages"] ?? 2);
const benchPages = args.pages ? Number(args.pages) : 0;

// Helvetica advance widths (Adobe AFM, 1/1000 em) for ASCII 32..126.
const HELV = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667,
  722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556,
  278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
const textWidth = (s, size) => [...s].reduce((w, ch) => w + (HELV[ch.charCodeAt(0) - 32] ?? 556), 0) * (size / 1000);

const PAGE_W = 792; // US letter, landscape
const PAGE_H = 612;
const MARGIN = 36;
const FONT = 7.5;
const ROW_PITCH = 11;
const CELL_PAD = 8;

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a?.startsWith("--")) out[a.slice(2)] = argv[i + 1]?.startsWith("--") ? "true" : argv[++i];
  }
  return out;
}

/** Splits a delimited text file into preamble lines, header cells and data rows (simple quoting). */
function readTable(file) {
  const text = fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  const lines = text.split(/\r?\n/);
  const delim = [",", "\t", "|", ";"].map((d) => ({ d, n: lines.filter((l) => l.split(d).length > 3).length })).sort((a, b) => b.n - a.n)[0].d;
  const split = (l) => {
    const cells = [];
    let cur = "";
    let q = false;
    for (let i = 0; i < l.length; i++) {
      const c = l[i];
      if (q && c === '"' && l[i + 1] === '"') ((cur += '"'), i++);
      else if (c === '"') q = !q;
      else if (!q && c === delim) (cells.push(cur), (cur = ""));
      else cur += c;
    }
    cells.push(cur);
    return cells;
  };
  const headerIdx = lines.findIndex((l) => l.split(delim).length > 3);
  const headers = split(lines[headerIdx]);
  const body = lines
    .slice(headerIdx + 1)
    .filter((l) => l.trim() !== "")
    .map(split);
  // Lines without a delimiter after the table ("Total records: 399") are a footer, not rows.
  const rows = body.filter((r) => r.length > 1);
  const footer = body.filter((r) => r.length === 1).map((r) => r[0]);
  const preamble = lines.slice(0, headerIdx).filter((l) => l.trim() !== "");
  return { preamble, headers, rows, footer };
}

/** Column widths from the widest value; headers wrap onto more lines at spaces when wider. */
function layoutColumns(headers, rows) {
  const widths = headers.map((h, c) => {
    const words = h.split(" ").map((w) => textWidth(w, FONT));
    const data = rows.map((r) => textWidth(r[c] ?? "", FONT));
    return Math.max(22, ...words, ...data);
  });
  const xs = [];
  let x = MARGIN;
  for (const w of widths) (xs.push(x), (x += w + CELL_PAD));
  const headerLines = headers.map((h, c) => wrapWords(h, widths[c]));
  return { xs, widths, headerLines, headerDepth: Math.max(...headerLines.map((l) => l.length)) };
}

function wrapWords(text, width) {
  const out = [];
  for (const word of text.split(" ")) {
    const last = out[out.length - 1];
    if (last !== undefined && textWidth(`${last} ${word}`, FONT) <= width) out[out.length - 1] = `${last} ${word}`;
    else out.push(word);
  }
  return out;
}

const esc = (s) => s.replace(/[\\()]/g, (m) => `\\${m}`).replace(/[^\x20-\x7e]/g, "?");
const txt = (x, y, s, size = FONT, font = "F1") => `BT /${font} ${size} Tf 1 0 0 1 ${x.toFixed(2)} ${y.toFixed(2)} Tm (${esc(s)}) Tj ET\n`;

/** Content streams of every page: the table laid out with preamble (page 1), furniture and repeated header. */
function layoutPages(table, title, wantPages) {
  const { xs, widths, headerLines, headerDepth } = layoutColumns(table.headers, table.rows);
  const rightAlignedNumbers = table.headers.map((_, c) => table.rows.every((r) => /^\d*$/.test(r[c] ?? "")));
  const pages = [];
  let rowIdx = 0;
  let pass = 0;
  const total = wantPages || Infinity;
  while (pages.length < total) {
    if (rowIdx >= table.rows.length) {
      if (!wantPages) break;
      rowIdx = 0;
      pass++;
    }
    let s = "";
    let y = PAGE_H - MARGIN;
    s += txt(MARGIN, y, `${title} - Call Detail Records`, 9, "F2");
    s += txt(PAGE_W - MARGIN - textWidth("CONFIDENTIAL - LAW ENFORCEMENT SENSITIVE", 7), y, "CONFIDENTIAL - LAW ENFORCEMENT SENSITIVE", 7);
    y -= 22;
    if (pages.length === 0) {
      for (const line of table.preamble) ((s += txt(MARGIN, y, line, 9)), (y -= 12));
      y -= 10;
    }
    for (let l = 0; l < headerDepth; l++) {
      table.headers.forEach((_, c) => {
        const part = headerLines[c][l];
        if (part) s += txt(xs[c], y, part, FONT, "F2");
      });
      y -= 9;
    }
    s += `0.5 w ${MARGIN} ${(y + 6).toFixed(2)} m ${(PAGE_W - MARGIN).toFixed(2)} ${(y + 6).toFixed(2)} l S\n`;
    y -= 4;
    while (y > MARGIN + 24 && rowIdx < table.rows.length) {
      const row = table.rows[rowIdx++];
      row.forEach((cell, c) => {
        if (!cell) return;
        const x = rightAlignedNumbers[c] ? xs[c] + widths[c] - textWidth(cell, FONT) : xs[c];
        s += txt(x, y, cell);
      });
      y -= ROW_PITCH;
    }
    if (rowIdx >= table.rows.length && !wantPages) for (const f of table.footer) ((y -= 6), (s += txt(MARGIN, y, f, 8)));
    pages.push({ content: s, pass });
  }
  return pages.map((p, i) => {
    const label = `Page ${i + 1} of ${pages.length}`;
    let s = p.content;
    s += txt(MARGIN, MARGIN - 12, "Produced by Subpoena Compliance Center", 7);
    s += txt((PAGE_W - textWidth(label, 8)) / 2, MARGIN - 12, label, 8);
    return s;
  });
}

/** Minimal PDF writer: pages are { content } (text, Helvetica) or { jpeg, w, h } (one full-page image). */
function writePdf(pages) {
  const objs = [];
  const add = (body) => objs.push(body) && objs.length;
  const catalog = add(null);
  const pagesObj = add(null);
  const f1 = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  const f2 = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>");
  const kids = [];
  for (const p of pages) {
    let content;
    let res;
    if (p.jpeg) {
      const img = add({ dict: `/Type /XObject /Subtype /Image /Width ${p.w} /Height ${p.h} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode`, data: p.jpeg });
      content = Buffer.from(`q ${PAGE_W} 0 0 ${PAGE_H} 0 0 cm /Im1 Do Q\n`);
      res = `<< /XObject << /Im1 ${img} 0 R >> >>`;
    } else {
      content = Buffer.from(p.content, "latin1");
      res = `<< /Font << /F1 ${f1} 0 R /F2 ${f2} 0 R >> >>`;
    }
    const c = add({ dict: "", data: content });
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${PAGE_W} ${PAGE_H}] /Resources ${res} /Contents ${c} 0 R >>`));
  }
  objs[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objs[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${kids.length} >>`;
  const chunks = [Buffer.from("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n", "latin1")];
  let pos = chunks[0].length;
  const offsets = [];
  objs.forEach((o, i) => {
    offsets.push(pos);
    const parts =
      typeof o === "string"
        ? [Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`, "latin1")]
        : [Buffer.from(`${i + 1} 0 obj\n<< ${o.dict} /Length ${o.data.length} >>\nstream\n`, "latin1"), o.data, Buffer.from("\nendstream\nendobj\n")];
    for (const b of parts) (chunks.push(b), (pos += b.length));
  });
  const xref = [`xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`)].join("");
  chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${objs.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${pos}\n%%EOF\n`, "latin1"));
  return Buffer.concat(chunks);
}

/** Renders the first pages of a PDF at 300 dpi into grayscale JPEGs: a "scanned" copy without text. */
async function scanPdf(pdfBytes, count) {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const pkg = path.join(root, "node_modules/pdfjs-dist/");
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(pdfBytes),
    standardFontDataUrl: `${pkg}standard_fonts/`,
    cMapUrl: `${pkg}cmaps/`,
    cMapPacked: true,
    wasmUrl: `${pkg}wasm/`,
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
  const out = [];
  for (let n = 1; n <= Math.min(count, doc.numPages); n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: 300 / 72 });
    const { canvas, context } = doc.canvasFactory.create(Math.round(viewport.width), Math.round(viewport.height));
    context.fillStyle = "#fff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvasContext: context, canvas, viewport }).promise;
    out.push({ jpeg: canvas.toBuffer("image/jpeg", 80), w: canvas.width, h: canvas.height });
    page.cleanup();
  }
  await doc.destroy();
  return out;
}

function main() {
  const table = readTable(input);
  const base = path.basename(input).replace(/\.[^.]+$/, "");
  const title = table.preamble[0] ?? base;
  fs.mkdirSync(outDir, { recursive: true });
  const written = [];
  const textPdf = writePdf(layoutPages(table, title, 0).map((content) => ({ content })));
  fs.writeFileSync(path.join(outDir, `${base}.text.pdf`), textPdf);
  fs.writeFileSync(path.join(outDir, `${base}.rows.json`), JSON.stringify(table, null, 1));
  written.push(`${base}.text.pdf`, `${base}.rows.json`);
  if (benchPages > 0) {
    const bench = writePdf(layoutPages(table, title, benchPages).map((content) => ({ content })));
    fs.writeFileSync(path.join(outDir, `bench-${benchPages}.pdf`), bench);
    written.push(`bench-${benchPages}.pdf`);
  }
  return { textPdf, base, written };
}

const { textPdf, base, written } = main();
if (scanPages > 0) {
  const images = await scanPdf(textPdf, scanPages);
  fs.writeFileSync(path.join(outDir, `${base}.scan.pdf`), writePdf(images));
  written.push(`${base}.scan.pdf`);
}
process.stdout.write(`wrote ${written.map((w) => path.join(outDir, w)).join(", ")}\n`);
