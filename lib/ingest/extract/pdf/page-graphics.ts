import type { PDFPageProxy } from "pdfjs-dist/types/src/display/api";
import { loadPdfJs } from "./pdfjs-loader";
import type { PageItem } from "./pdf-types";

/** A straight ruling line in top-down page points: horizontal (y fixed) or vertical (x fixed). */
export interface Rule {
  /** The fixed coordinate: y of a horizontal rule, x of a vertical one. */
  at: number;
  /** Extent along the line: x range of a horizontal rule, y range of a vertical one. */
  from: number;
  to: number;
}

export interface PageGraphics {
  /** Text chunks: runs drawn contiguously (real spaces kept inside), split where the text jumps. */
  items: PageItem[];
  horizontal: Rule[];
  vertical: Rule[];
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const mul = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
const toMatrix = (a: unknown): Matrix => {
  const o = a as Record<number, number>;
  return [o[0] ?? 1, o[1] ?? 0, o[2] ?? 0, o[3] ?? 1, o[4] ?? 0, o[5] ?? 0];
};

interface Glyph {
  unicode?: string;
  width?: number;
  isSpace?: boolean;
}

interface GState {
  ctm: Matrix;
  fillInk: boolean;
  strokeInk: boolean;
  lineWidth: number;
  // The text state is part of the graphics state: q/Q save and restore it.
  font: { matrix: Matrix; type3: boolean; vertical: boolean };
  fontSize: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
}

/** Thickest filled rectangle still read as a drawn line rather than a shaded cell. */
const MAX_RULE_THICKNESS = 3;
/** A jump between glyphs wider than this share of the font size starts a new chunk (a cell boundary or a repositioning). */
const CHUNK_GAP = 0.12;

/** Near-white fills (cell backgrounds, erasing rectangles) draw no line. */
function isInk(args: unknown[], gray: boolean): boolean {
  if (gray) return Number(args[0]) < 0.85;
  const v = args[0];
  if (typeof v === "string" && /^#[0-9a-f]{6}$/i.test(v)) {
    const n = Number.parseInt(v.slice(1), 16);
    const lum = (0.299 * ((n >> 16) & 255) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255)) / 255;
    return lum < 0.85;
  }
  return true;
}

/**
 * Walks a page's operator list once: the text as chunks with true glyph positions (pdf.js's text
 * layer joins runs a few points apart with a made-up space, which merges close columns), and the
 * ruling lines (stroked segments, rectangle edges, thin filled rectangles). Throws on fonts it cannot
 * measure (Type3, vertical): callers fall back to the text layer.
 */
export async function readPageGraphics(page: PDFPageProxy): Promise<PageGraphics> {
  const { OPS } = await loadPdfJs();
  const viewport = page.getViewport({ scale: 1 });
  const base = toMatrix(viewport.transform);
  const ops = await page.getOperatorList();
  const items: PageItem[] = [];
  const horizontal: Rule[] = [];
  const vertical: Rule[] = [];

  let gs: GState = {
    ctm: base,
    fillInk: true,
    strokeInk: true,
    lineWidth: 1,
    font: { matrix: [0.001, 0, 0, 0.001, 0, 0], type3: false, vertical: false },
    fontSize: 0,
    charSpacing: 0,
    wordSpacing: 0,
    hScale: 1,
    leading: 0,
    rise: 0,
  };
  const stack: GState[] = [];
  // Text state.
  let tm: Matrix = IDENTITY;
  let lineM: Matrix = IDENTITY;

  // The chunk being built.
  let chunk: { text: string; x0: number; x1: number; y: number; size: number; lastEnd: number; spaceRun: number } | null = null;
  const flush = () => {
    if (chunk) {
      const text = chunk.text.normalize("NFKC").trim();
      if (text) {
        items.push({ text, x: chunk.x0, width: Math.max(0.1, chunk.x1 - chunk.x0), top: chunk.y - chunk.size * 0.8, bottom: chunk.y + chunk.size * 0.2 });
      }
    }
    chunk = null;
  };

  const addRule = (x1: number, y1: number, x2: number, y2: number, thickness: number) => {
    const [ax, ay] = apply(gs.ctm, x1, y1);
    const [bx, by] = apply(gs.ctm, x2, y2);
    const tol = Math.max(1, thickness);
    if (Math.abs(ay - by) <= tol && Math.abs(ax - bx) > 1) horizontal.push({ at: (ay + by) / 2, from: Math.min(ax, bx), to: Math.max(ax, bx) });
    else if (Math.abs(ax - bx) <= tol && Math.abs(ay - by) > 1) vertical.push({ at: (ax + bx) / 2, from: Math.min(ay, by), to: Math.max(ay, by) });
  };

  const paintPath = (paint: number, data: ArrayLike<number>) => {
    const stroke =
      paint === OPS.stroke ||
      paint === OPS.closeStroke ||
      paint === OPS.fillStroke ||
      paint === OPS.eoFillStroke ||
      paint === OPS.closeFillStroke ||
      paint === OPS.closeEOFillStroke;
    const fill =
      paint === OPS.fill || paint === OPS.eoFill || paint === OPS.fillStroke || paint === OPS.eoFillStroke || paint === OPS.closeFillStroke || paint === OPS.closeEOFillStroke;
    if (!stroke && !fill) return;
    // Subpaths as point lists.
    const subs: number[][] = [];
    let cur: number[] = [];
    for (let i = 0; i < data.length;) {
      const code = data[i++];
      if (code === 0) {
        if (cur.length) subs.push(cur);
        cur = [data[i++] as number, data[i++] as number];
      } else if (code === 1) cur.push(data[i++] as number, data[i++] as number);
      else if (code === 2) ((cur.length = 0), (i += 6));
      else if (code === 3) ((cur.length = 0), (i += 4));
      else if (code === 4) {
        if (cur.length >= 4) cur.push(cur[0] as number, cur[1] as number);
      } else break;
    }
    if (cur.length) subs.push(cur);
    for (const pts of subs) {
      if (pts.length < 4) continue;
      if (stroke && gs.strokeInk) {
        for (let k = 0; k + 3 < pts.length; k += 2) addRule(pts[k] as number, pts[k + 1] as number, pts[k + 2] as number, pts[k + 3] as number, gs.lineWidth);
      }
      if (fill && gs.fillInk) {
        // A thin filled rectangle is a line; its long axis is the rule.
        const corners: [number, number][] = [];
        for (let k = 0; k + 1 < pts.length; k += 2) corners.push(apply(gs.ctm, pts[k] as number, pts[k + 1] as number));
        const xs = corners.map((c) => c[0]);
        const ys = corners.map((c) => c[1]);
        const x0 = Math.min(...xs);
        const x1 = Math.max(...xs);
        const y0 = Math.min(...ys);
        const y1 = Math.max(...ys);
        const w = x1 - x0;
        const h = y1 - y0;
        if (h <= MAX_RULE_THICKNESS && w > h * 2) horizontal.push({ at: (y0 + y1) / 2, from: x0, to: x1 });
        else if (w <= MAX_RULE_THICKNESS && h > w * 2) vertical.push({ at: (x0 + x1) / 2, from: y0, to: y1 });
      }
    }
  };

  const showGlyphs = (glyphs: (Glyph | number)[]) => {
    if (gs.font.type3 || gs.font.vertical) throw new Error("unmeasurable font");
    const advScale = gs.fontSize * gs.font.matrix[0];
    let x = 0;
    const trm = mul(gs.ctm, tm);
    const place = (tx: number): [number, number] => apply(trm, tx, gs.rise);
    // Effective font size on the page.
    const size = Math.abs(gs.fontSize) * Math.hypot(trm[2], trm[3]);
    // Rotated or mirrored text is no table row we read (as the text layer): it only advances.
    const horizontalText = Math.abs(trm[1]) <= Math.abs(trm[0]) && trm[0] > 0;
    for (const g of glyphs) {
      if (typeof g === "number") {
        // TJ offsets are thousandths of the font size, scaled horizontally like glyph advances.
        x -= ((g * gs.fontSize) / 1000) * gs.hScale;
        continue;
      }
      const w = (g.width ?? 0) * advScale;
      const spacing = (g.isSpace ? gs.wordSpacing : 0) + gs.charSpacing;
      const adv = (w + spacing) * gs.hScale;
      if (horizontalText) {
        const [px, py] = place(x);
        const [ex] = place(x + w * gs.hScale);
        const ch = g.unicode ?? "";
        // isSpace marks byte 32, which some subset fonts give to a letter: the unicode decides.
        const space = ch === "" ? !!g.isSpace : ch.trim() === "";
        if (chunk) {
          const gap = px - chunk.lastEnd;
          const sameLine = Math.abs(py - chunk.y) <= size * 0.3;
          const tooFar = gap > size * CHUNK_GAP || gap < -size * 0.5;
          // Two or more spaces in a row are a column gap typed with spaces.
          if (!sameLine || tooFar || (space && chunk.spaceRun >= 1)) flush();
        }
        if (space) {
          if (chunk) {
            chunk.text += " ";
            chunk.spaceRun++;
            chunk.lastEnd = ex;
          }
        } else {
          if (!chunk) chunk = { text: "", x0: px, x1: ex, y: py, size, lastEnd: ex, spaceRun: 0 };
          else if (chunk.spaceRun === 0 && px - chunk.lastEnd > size * CHUNK_GAP * 0.5) chunk.text += " ";
          chunk.text += ch;
          chunk.x1 = Math.max(chunk.x1, ex);
          chunk.lastEnd = ex;
          chunk.spaceRun = 0;
        }
      }
      x += adv;
    }
    tm = mul(tm, [1, 0, 0, 1, x, 0]);
  };

  const { fnArray, argsArray } = ops;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = (argsArray[i] ?? []) as unknown[];
    switch (fn) {
      case OPS.save:
        stack.push({ ...gs });
        break;
      case OPS.restore:
        gs = stack.pop() ?? gs;
        break;
      case OPS.transform:
        gs.ctm = mul(gs.ctm, args.map(Number) as Matrix);
        break;
      case OPS.paintFormXObjectBegin:
        stack.push({ ...gs });
        if (args[0]) gs.ctm = mul(gs.ctm, toMatrix(args[0]));
        break;
      case OPS.paintFormXObjectEnd:
        gs = stack.pop() ?? gs;
        break;
      case OPS.setLineWidth:
        gs.lineWidth = Number(args[0]) || 1;
        break;
      case OPS.setFillRGBColor:
        gs.fillInk = isInk(args, false);
        break;
      case OPS.setStrokeRGBColor:
        gs.strokeInk = isInk(args, false);
        break;
      case OPS.setFillGray:
        gs.fillInk = isInk(args, true);
        break;
      case OPS.setStrokeGray:
        gs.strokeInk = isInk(args, true);
        break;
      case OPS.constructPath:
        paintPath(Number(args[0]), ((args[1] as unknown[])?.[0] ?? []) as ArrayLike<number>);
        break;
      case OPS.beginText:
        tm = IDENTITY;
        lineM = IDENTITY;
        break;
      case OPS.endText:
        break;
      case OPS.setFont: {
        gs.fontSize = Number(args[1]) || 0;
        const obj = page.commonObjs.has(String(args[0])) ? (page.commonObjs.get(String(args[0])) as { fontMatrix?: number[]; isType3Font?: boolean; vertical?: boolean }) : null;
        gs.font = { matrix: obj?.fontMatrix ? toMatrix(obj.fontMatrix) : [0.001, 0, 0, 0.001, 0, 0], type3: !!obj?.isType3Font, vertical: !!obj?.vertical };
        break;
      }
      case OPS.setTextMatrix:
        tm = lineM = args.length >= 6 ? (args.map(Number) as Matrix) : toMatrix(args[0]);
        break;
      case OPS.moveText:
        tm = lineM = mul(lineM, [1, 0, 0, 1, Number(args[0]), Number(args[1])]);
        break;
      case OPS.setLeadingMoveText:
        gs.leading = -Number(args[1]);
        tm = lineM = mul(lineM, [1, 0, 0, 1, Number(args[0]), Number(args[1])]);
        break;
      case OPS.nextLine:
        tm = lineM = mul(lineM, [1, 0, 0, 1, 0, -gs.leading]);
        break;
      case OPS.setLeading:
        gs.leading = Number(args[0]);
        break;
      case OPS.setCharSpacing:
        gs.charSpacing = Number(args[0]) || 0;
        break;
      case OPS.setWordSpacing:
        gs.wordSpacing = Number(args[0]) || 0;
        break;
      case OPS.setHScale:
        gs.hScale = (Number(args[0]) || 100) / 100;
        break;
      case OPS.setTextRise:
        gs.rise = Number(args[0]) || 0;
        break;
      case OPS.showText:
      case OPS.showSpacedText:
        showGlyphs((args[0] ?? []) as (Glyph | number)[]);
        break;
      case OPS.nextLineShowText:
        tm = lineM = mul(lineM, [1, 0, 0, 1, 0, -gs.leading]);
        showGlyphs((args[0] ?? []) as (Glyph | number)[]);
        break;
      case OPS.nextLineSetSpacingShowText:
        gs.wordSpacing = Number(args[0]) || 0;
        gs.charSpacing = Number(args[1]) || 0;
        tm = lineM = mul(lineM, [1, 0, 0, 1, 0, -gs.leading]);
        showGlyphs((args[2] ?? []) as (Glyph | number)[]);
        break;
      default:
        break;
    }
  }
  flush();
  // Viewport coordinates put y down already (base includes the flip), so top < bottom holds.
  return { items, horizontal, vertical };
}
