import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openJsonSource } from "../../extract/json-source";
import { describeHead } from "../../text/text-source";
import type { TableSample } from "../../types";

/**
 * Samples read by the product's own readers (not the simple fixture splitter), so a layout test
 * sees the header, the dropped lines and the flattened JSON names a real upload would.
 */
export function textSample(text: string, headerLine?: number | null): TableSample {
  const bytes = Buffer.from(text, "utf8");
  return describeHead(bytes, bytes.length, headerLine === undefined ? {} : { headerLine }, 1_000_000).sample;
}

/** A JSON document through the JSON extractor (record finding, flattening to dotted names). */
export async function jsonSample(doc: unknown): Promise<TableSample> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "switchyard-layout-"));
  const file = path.join(dir, "calls.json");
  fs.writeFileSync(file, JSON.stringify(doc));
  const source = await openJsonSource(file);
  try {
    return await source.sample();
  } finally {
    await source.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Column index of each mapped field (the shape the layout tests assert). */
export function fieldColumns(columns: { index: number; field: string | null }[]): Record<string, number> {
  return Object.fromEntries(columns.filter((c) => c.field !== null).map((c) => [c.field, c.index]));
}

/** Header of each mapped field. */
export function fieldHeaders(columns: { header: string; field: string | null }[]): Record<string, string> {
  return Object.fromEntries(columns.filter((c) => c.field !== null).map((c) => [c.field, c.header]));
}

/** Quotes a cell the way CSV writers do. */
export const csvCell = (c: string) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
export const csvLines = (rows: readonly (readonly string[])[]) => rows.map((r) => r.map(csvCell).join(",")).join("\n") + "\n";
