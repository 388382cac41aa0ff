import fs from "node:fs";
import path from "node:path";
import type { SourceRow, TableSample } from "../../types";

/** Splits one line on the delimiter, honouring double quotes (enough for the fixtures; not the product's reader). */
export function splitLine(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"' && cur === "") quoted = true;
    else if (line.startsWith(delimiter, i)) {
      cells.push(cur);
      cur = "";
      i += delimiter.length - 1;
    } else cur += ch;
  }
  cells.push(cur);
  return cells;
}

/** A TableSample built the simple way: header line from the truth, preamble before it, 200 rows after. */
export function sampleFromText(text: string, delimiter: string, headerLine: number | null, maxRows = 200): TableSample {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const headerIdx = headerLine === null ? -1 : headerLine - 1;
  const headerCells = headerIdx >= 0 ? splitLine(lines[headerIdx] ?? "", delimiter) : [];
  const sampleRows: SourceRow[] = [];
  let width = headerCells.length;
  for (let i = headerIdx + 1; i < lines.length && sampleRows.length < maxRows; i++) {
    const raw = lines[i]!;
    if (raw.trim() === "") continue;
    const cells = splitLine(raw, delimiter);
    if (width === 0) width = cells.length;
    // Footer lines ("Total records: 399") have far fewer cells than the table.
    if (cells.length < Math.max(2, width / 2)) continue;
    sampleRows.push({ line: i + 1, cells, raw });
  }
  return {
    format: "text",
    encoding: "utf-8",
    delimiter,
    preamble: headerIdx > 0 ? lines.slice(0, headerIdx).filter((l) => l.trim() !== "") : [],
    headerLine,
    headers: headerLine === null ? Array.from({ length: width }, () => "") : headerCells,
    sampleRows,
    warnings: [],
  };
}

export function sampleFromFixture(dir: string, file: string, delimiter: string, headerLine: number | null): TableSample {
  return sampleFromText(fs.readFileSync(path.join(dir, file), "utf8"), delimiter, headerLine);
}
