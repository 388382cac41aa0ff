import type { PreviewRow } from "@/lib/schemas/responses";

export interface PreviewErrorGroup {
  /** "field: message", the same for every row of the group. */
  text: string;
  lines: number[];
}

const errorText = (row: PreviewRow) => `${row.error?.field ? `${row.error.field}: ` : ""}${row.error?.message ?? "Invalid row"}`;

/** Rows that would be rejected, grouped by their reason, biggest group first (issue 18: one message, not 20). */
export function groupPreviewErrors(rows: readonly PreviewRow[]): PreviewErrorGroup[] {
  const groups = new Map<string, number[]>();
  for (const row of rows) {
    if (row.record) continue;
    const text = errorText(row);
    groups.set(text, [...(groups.get(text) ?? []), row.line]);
  }
  return [...groups.entries()].map(([text, lines]) => ({ text, lines })).sort((a, b) => b.lines.length - a.lines.length);
}

/** For the table: the line of the first row with the same reason, for every later one. */
export function firstLineOfSameError(rows: readonly PreviewRow[]): Map<number, number> {
  const first = new Map<string, number>();
  const out = new Map<number, number>();
  for (const row of rows) {
    if (row.record) continue;
    const text = errorText(row);
    const seen = first.get(text);
    if (seen === undefined) first.set(text, row.line);
    else out.set(row.line, seen);
  }
  return out;
}

/** "3, 4, 5, 9" → "3–5, 9". */
export function lineRanges(lines: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < lines.length;) {
    let j = i;
    while (j + 1 < lines.length && lines[j + 1] === lines[j]! + 1) j++;
    parts.push(j > i ? `${lines[i]}–${lines[j]}` : String(lines[i]));
    i = j + 1;
  }
  return parts.join(", ");
}
