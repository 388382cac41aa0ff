import type { PageItem, TextLine } from "./pdf-types";

export interface ColumnSpan {
  left: number;
  right: number;
}

/** Where a line's items landed: cell texts, lowest OCR confidence per cell, and whether it fits the grid. */
export interface AssignedLine {
  cells: string[];
  conf: number[];
  filled: boolean[];
  /** False when some item straddles two columns (a title, a footer sentence, a subtotal label). */
  fits: boolean;
}

/**
 * Column spans from the x-projection of body lines: x ranges covered by text in some row, separated
 * by gaps at least `minGap` wide that no row crosses. Works for left-, right- and centre-aligned columns.
 */
export function learnSpans(bodyLines: TextLine[], minGap: number): ColumnSpan[] {
  const ranges = bodyLines.flatMap((l) => l.items.map((i) => ({ left: i.x, right: i.x + i.width }))).sort((a, b) => a.left - b.left);
  const spans: ColumnSpan[] = [];
  for (const r of ranges) {
    const last = spans[spans.length - 1];
    if (last && r.left - last.right < minGap) last.right = Math.max(last.right, r.right);
    else spans.push({ ...r });
  }
  return spans;
}

/** Header words above columns that are empty in every sampled row still make columns of their own. */
export function addHeaderOnlySpans(spans: ColumnSpan[], headerItems: PageItem[], minGap: number): ColumnSpan[] {
  const extra: ColumnSpan[] = [];
  const sameLine = (a: PageItem, b: PageItem) => Math.abs((a.top + a.bottom) / 2 - (b.top + b.bottom) / 2) < (a.bottom - a.top) * 0.5;
  for (const item of headerItems) {
    const r = { left: item.x, right: item.x + item.width };
    if (spans.some((s) => overlap(s, r) > 0)) continue;
    // The next word of a header phrase that is wider than its column's values ("Duration" "(sec)"
    // read as two OCR words) belongs to that column, not to one of its own.
    const prev = headerItems.find(
      (h) => h !== item && sameLine(h, item) && h.x < item.x && item.x - (h.x + h.width) < minGap && spans.some((s) => overlap(s, { left: h.x, right: h.x + h.width }) > 0),
    );
    if (prev) {
      const owner = spans.find((s) => overlap(s, { left: prev.x, right: prev.x + prev.width }) > 0) as ColumnSpan;
      const next = spans.find((s) => s.left > owner.left);
      if (!next || r.right < next.left) {
        owner.right = Math.max(owner.right, r.right);
        continue;
      }
    }
    const near = extra.find((e) => r.left - e.right < minGap && e.left - r.right < minGap);
    if (near) ((near.left = Math.min(near.left, r.left)), (near.right = Math.max(near.right, r.right)));
    else extra.push(r);
  }
  return [...spans, ...extra].sort((a, b) => a.left - b.left);
}

const overlap = (a: ColumnSpan, b: ColumnSpan) => Math.min(a.right, b.right) - Math.max(a.left, b.left);

/** Best column for an x range, and whether a second column claims a real share of it. */
function placeRange(spans: ColumnSpan[], r: ColumnSpan, em: number): { col: number; straddles: boolean } {
  let best = -1;
  let bestOv = 0;
  let second = 0;
  spans.forEach((s, i) => {
    const ov = overlap(s, r);
    if (ov > bestOv) ((second = bestOv), (bestOv = ov), (best = i));
    else if (ov > second) second = ov;
  });
  // A value a little wider than any seen may poke into the next column's span; a third of a
  // character height inside it is a real crossing.
  if (best >= 0) return { col: best, straddles: second > em * 0.3 };
  // Outside every span (a value wider than any seen before): the nearest column takes it.
  let nearest = 0;
  let dist = Infinity;
  spans.forEach((s, i) => {
    const d = Math.max(s.left - r.right, r.left - s.right);
    if (d < dist) ((dist = d), (nearest = i));
  });
  return { col: nearest, straddles: false };
}

/** Splits a multi-word item into words placed proportionally, for items that straddle a column gap. */
function splitWords(item: PageItem): PageItem[] {
  const perChar = item.width / Math.max(1, item.text.length);
  return [...item.text.matchAll(/\S+/g)].map((m) => ({ ...item, text: m[0], x: item.x + (m.index ?? 0) * perChar, width: m[0].length * perChar }));
}

/** Puts each item of a line into its column; items of one cell are joined (a space where there is a visible gap). */
export function assignLine(line: TextLine, spans: ColumnSpan[], em: number): AssignedLine {
  const parts: PageItem[][] = spans.map(() => []);
  let fits = true;
  for (const item of line.items) {
    const placed = placeRange(spans, { left: item.x, right: item.x + item.width }, em);
    if (!placed.straddles) {
      parts[placed.col]?.push(item);
      continue;
    }
    const words = item.text.includes(" ") ? splitWords(item) : [item];
    for (const w of words) {
      const p = placeRange(spans, { left: w.x, right: w.x + w.width }, em);
      if (p.straddles) fits = false;
      parts[p.col]?.push(w);
    }
  }
  const cells = parts.map((items) => joinCellItems(items, em));
  const conf = parts.map((items) => items.reduce((m, i) => Math.min(m, i.conf ?? 1), 1));
  return { cells, conf, filled: cells.map((c) => c !== ""), fits };
}

/** The items of one cell as text, left to right, a space where there is a visible gap. */
export function joinCellItems(items: PageItem[], em: number): string {
  let out = "";
  let right = -Infinity;
  for (const item of [...items].sort((a, b) => a.x - b.x)) {
    if (out !== "" && item.x - right > em * 0.15) out += " ";
    out += item.text;
    right = item.x + item.width;
  }
  return out.trim();
}

/**
 * Columns closer than the gap threshold: inside a learned span, a strip of white that no body
 * chunk crosses and that also separates header chunks (text on both sides, none across) is a
 * column edge. Words of one cell drawn as separate runs ("2024-03-01" "10:00") share one header
 * above them ("Start Date/Time"), which crosses the strip, so they stay together. With `aligned`
 * (OCR words, not phrases) a header word must also start where the right column's values start.
 */
export function splitByHeader(spans: ColumnSpan[], bodyLines: TextLine[], headerItems: PageItem[], em: number, aligned = false): ColumnSpan[] {
  if (headerItems.length === 0) return spans;
  const tol = em * 0.05;
  const out: ColumnSpan[] = [];
  const ranges = bodyLines.flatMap((l) => l.items.map((i) => ({ left: i.x, right: i.x + i.width })));
  for (const span of spans) {
    const inner = ranges.filter((r) => overlap(r, span) > 0).sort((a, b) => a.left - b.left);
    const parts: ColumnSpan[] = [];
    for (const r of inner) {
      const last = parts[parts.length - 1];
      if (last && r.left - last.right < tol) last.right = Math.max(last.right, r.right);
      else parts.push({ ...r });
    }
    let current: ColumnSpan = { ...(parts[0] ?? span) };
    current.left = span.left;
    for (let k = 1; k < parts.length; k++) {
      const gl = (parts[k - 1] as ColumnSpan).right;
      const gr = (parts[k] as ColumnSpan).left;
      const crossed = headerItems.some((h) => h.x < gl - tol && h.x + h.width > gr + tol);
      const leftHas = headerItems.some((h) => h.x + h.width <= gr + tol && h.x + h.width > current.left - tol && h.x >= span.left - em);
      // Single words (OCR) say less than phrases: a header word must then start where the column's
      // values start (left-aligned header over left-aligned values), not merely lie right of the gap.
      const partRight = (parts[k] as ColumnSpan).right;
      const rightHas = aligned
        ? headerItems.some((h) => h.x >= gl - tol && (Math.abs(h.x - gr) <= em * 0.4 || Math.abs(h.x + h.width - partRight) <= em * 0.4))
        : headerItems.some((h) => h.x >= gl - tol && h.x < span.right + tol);
      if (!crossed && leftHas && rightHas) {
        current.right = gl;
        out.push(current);
        current = { left: gr, right: (parts[k] as ColumnSpan).right };
      } else current.right = (parts[k] as ColumnSpan).right;
    }
    current.right = span.right;
    out.push(current);
  }
  return out;
}
