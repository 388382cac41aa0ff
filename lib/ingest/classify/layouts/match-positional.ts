import type { MappableField } from "../../../schemas/fields";
import type { TableSample } from "../../types";
import type { ColumnAnalysis } from "../map-columns";
import { buildColumns, filledShare } from "./build-columns";
import { layoutZone } from "./layout-zone";
import { PASS, type BuiltinLayout, type PositionalLayout } from "./types";
import { kindShare } from "./value-tests";

/** Share of a check: the lowest over its columns (a column the file does not have counts 0). */
function checkShare(layout: PositionalLayout, a: ColumnAnalysis, at: readonly string[], kind: string): number {
  let lowest = 1;
  for (const name of at) {
    const i = layout.columns.indexOf(name);
    const share = i >= 0 && i < a.values.length ? kindShare(kind, a.values[i]!, a.profiles[i]!) : 0;
    lowest = Math.min(lowest, share);
  }
  return lowest;
}

/**
 * A headerless file in a documented column order: it has a width the layout allows, one of its
 * gates holds (each check of it reaches PASS) and the weighted signature of all checks reaches PASS.
 * Columns are then mapped by place, as sure as the signature.
 */
export function matchPositional(layout: PositionalLayout, sample: TableSample, a: ColumnAnalysis): BuiltinLayout | null {
  const n = a.values.length;
  if (!a.headerless || n < layout.width[0] || n > layout.width[1]) return null;
  const shares = new Map(layout.checks.map((c) => [c.name, checkShare(layout, a, c.at, c.kind)]));
  if (!layout.gates.some((gate) => gate.every((name) => (shares.get(name) ?? 0) >= PASS))) return null;
  const weight = layout.checks.reduce((s, c) => s + c.weight, 0);
  const signature = layout.checks.reduce((s, c) => s + c.weight * shares.get(c.name)!, 0) / weight;
  if (signature < PASS) return null;

  const picks = new Map<number, MappableField>();
  for (const [field, names] of Object.entries(layout.fields) as [MappableField, readonly string[]][]) {
    const places = names.map((name) => layout.columns.indexOf(name)).filter((i) => i >= 0 && i < n && !picks.has(i));
    const i = places.find((p) => filledShare(a, p) >= 0.5) ?? places[0];
    if (i !== undefined) picks.set(i, field);
  }
  const columns = buildColumns(sample, a, picks, 0.5 + 0.5 * signature, (i) => layout.columns[i] ?? "", layout.formats);
  const start = columns.find((c) => c.field === "start_time");
  const zone = layoutZone(layout, start, start ? a.values[start.index]! : []);
  return { carrier: layout.carrier, confidence: signature, columns, name: layout.name, zone };
}
