import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// Helvetica advance widths (Adobe AFM, 1/1000 em) for ASCII 32..126, as scripts/make-pdf-fixtures.mjs.
const HELV = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667,
  722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556,
  278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
export const helvWidth = (s: string, size: number) => [...s].reduce((w, ch) => w + (HELV[ch.charCodeAt(0) - 32] ?? 556), 0) * (size / 1000);

export interface TablePdfSpec {
  preamble: string[];
  /** Header cells; "\n" wraps a header cell onto a second line (top-aligned, like carrier reports). */
  headers: string[];
  rows: string[][];
  /** Space between the widest value of a column and the next column, in points. */
  gap: number;
  /** Draw every cell's border (a lattice table). */
  ruled?: boolean;
  /** Distance from the last preamble line to the header's first line, in points. */
  preambleGap?: number;
  font?: number;
}

const esc = (s: string) => s.replace(/[\\()]/g, (m) => `\\${m}`);

/** One landscape page holding a table exactly where the spec says: for tests of the table rebuilder. */
export function writeTablePdf(spec: TablePdfSpec): string {
  return writeTablePdfPages([spec]);
}

function pageContent(spec: TablePdfSpec): string {
  const size = spec.font ?? 7.5;
  const pitch = size * 1.4;
  const headerLines = spec.headers.map((h) => h.split("\n"));
  const depth = Math.max(...headerLines.map((l) => l.length));
  const widths = spec.headers.map((_, c) => Math.max(...headerLines[c]!.map((w) => helvWidth(w, size)), ...spec.rows.map((r) => helvWidth(r[c] ?? "", size))));
  const pad = spec.ruled ? spec.gap / 2 : 0;
  const xs: number[] = [];
  let x = 36 + pad;
  for (const w of widths) (xs.push(x), (x += w + spec.gap));
  let s = "";
  const text = (tx: number, ty: number, t: string, sz = size) => (s += `BT /F1 ${sz} Tf 1 0 0 1 ${tx.toFixed(2)} ${ty.toFixed(2)} Tm (${esc(t)}) Tj ET\n`);
  let y = 560;
  for (const p of spec.preamble) (text(36, y, p, 9), (y -= 11));
  y -= (spec.preambleGap ?? 10) - 11;
  const rowTops: number[] = [];
  rowTops.push(y + size);
  for (let l = 0; l < depth; l++) {
    headerLines.forEach((lines, c) => lines[l] && text(xs[c]!, y, lines[l]!));
    y -= pitch;
  }
  for (const row of spec.rows) {
    rowTops.push(y + size);
    row.forEach((cell, c) => cell.split("\n").forEach((part, k) => part && text(xs[c]!, y - k * pitch, part)));
    y -= pitch * Math.max(1, ...row.map((c) => c.split("\n").length));
  }
  rowTops.push(y + size);
  if (spec.ruled) {
    const left = 36;
    const right = x - spec.gap + pad;
    const edges = [left, ...xs.slice(1).map((v) => v - pad), right];
    for (const ty of rowTops) s += `0.5 w ${left} ${ty.toFixed(2)} m ${right.toFixed(2)} ${ty.toFixed(2)} l S\n`;
    for (const ex of edges) s += `0.5 w ${ex.toFixed(2)} ${rowTops[0]!.toFixed(2)} m ${ex.toFixed(2)} ${rowTops[rowTops.length - 1]!.toFixed(2)} l S\n`;
  }
  return s;
}

/** Several pages, one table spec each, into a PDF in a fresh temp folder; returns its path. */
export function writeTablePdfPages(specs: TablePdfSpec[]): string {
  const contents = specs.map(pageContent);
  const n = specs.length;
  const objs = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Kids [${contents.map((_, i) => `${4 + i * 2} 0 R`).join(" ")}] /Count ${n} >>`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ...contents.flatMap((c, i) => [
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 792 612] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + i * 2} 0 R >>`,
      `<< /Length ${Buffer.byteLength(c, "latin1")} >>\nstream\n${c}\nendstream`,
    ]),
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "switchyard-tablepdf-")), "table.pdf");
  fs.writeFileSync(file, out, "latin1");
  return file;
}

/**
 * A "scanned" copy of page 1 of a PDF: rendered at 300 dpi with pdf.js (@napi-rs/canvas), stored as
 * one full-page JPEG with no text layer. Written beside the source; returns its path.
 */
export async function scanFirstPage(file: string): Promise<string> {
  const { openPdfDocument } = await import("./pdfjs-loader");
  const doc = await openPdfDocument(new Uint8Array(fs.readFileSync(file)));
  let jpeg: Buffer;
  let w: number;
  let h: number;
  try {
    const page = await doc.getPage(1);
    const vp = page.getViewport({ scale: 300 / 72 });
    const factory = doc.canvasFactory as {
      create(w: number, h: number): { canvas: { width: number; height: number; toBuffer(m: string, q?: number): Buffer }; context: CanvasRenderingContext2D };
    };
    const { canvas, context } = factory.create(Math.round(vp.width), Math.round(vp.height));
    context.fillStyle = "#fff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvasContext: context, canvas: canvas as unknown as HTMLCanvasElement, viewport: vp }).promise;
    jpeg = canvas.toBuffer("image/jpeg", 80);
    w = canvas.width;
    h = canvas.height;
  } finally {
    await doc.destroy();
  }
  const content = Buffer.from("q 792 0 0 612 0 0 cm /Im1 Do Q\n");
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n")];
  const offsets: number[] = [];
  let len = parts[0]!.length;
  const push = (b: Buffer) => (parts.push(b), (len += b.length));
  const obj = (head: string, data?: Buffer) => {
    offsets.push(len);
    push(Buffer.from(`${offsets.length} 0 obj\n${head}${data ? "\nstream\n" : "\n"}`, "latin1"));
    if (data) (push(data), push(Buffer.from("\nendstream")));
    push(Buffer.from("\nendobj\n"));
  };
  obj("<< /Type /Catalog /Pages 2 0 R >>");
  obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 792 612] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>");
  obj(`<< /Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>`, jpeg);
  obj(`<< /Length ${content.length} >>`, content);
  const xref = len;
  push(
    Buffer.from(
      `xref\n0 6\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
      "latin1",
    ),
  );
  const out = path.join(path.dirname(file), "scan.pdf");
  fs.writeFileSync(out, Buffer.concat(parts));
  return out;
}
