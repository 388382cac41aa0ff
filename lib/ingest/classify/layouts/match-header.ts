import type { MappableField } from "../../../schemas/fields";
import { callTypeInfo } from "../../normalize/call-type";
import type { TableSample } from "../../types";
import type { ColumnAnalysis } from "../map-columns";
import { buildColumns, filledShare } from "./build-columns";
import { layoutZone } from "./layout-zone";
import { nameIndex, normalizeName } from "./names";
import type { BuiltinLayout, HeaderLayout } from "./types";

/** Columns of a recognized header carry the header's certainty, not a guess's. */
const HEADER_COLUMN_CONFIDENCE = 0.97;
const PARTIES: readonly MappableField[] = ["caller", "callee", "counterparty"];

/** The first of `names` present in the header and filled in most rows, else the first present; -1 when none is. */
function pick(names: readonly string[], index: ReadonlyMap<string, number>, a: ColumnAnalysis, used: ReadonlySet<number>): number {
  let fallback = -1;
  for (const n of names) {
    const i = index.get(normalizeName(n));
    if (i === undefined || used.has(i)) continue;
    if (filledShare(a, i) >= 0.5) return i;
    if (fallback < 0) fallback = i;
  }
  return fallback;
}

/** An id column: most non-empty values of some column match the platform's id pattern. */
function hasIdColumn(re: RegExp | undefined, a: ColumnAnalysis): boolean {
  if (!re) return false;
  return a.values.some((vs) => {
    const filled = vs.map((v) => v.trim()).filter((v) => v !== "");
    return filled.length > 0 && filled.filter((v) => re.test(v)).length >= filled.length * 0.9;
  });
}

/** Where the direction column places "the other side" and "our number" for the whole sample. */
function placeSides(layout: HeaderLayout, index: ReadonlyMap<string, number>, a: ColumnAnalysis, picks: Map<number, MappableField>, used: Set<number>): void {
  const sides = layout.sides;
  if (!sides) return;
  const other = pick(sides.other, index, a, used);
  const own = pick(sides.own, index, a, used);
  if (other < 0 && own < 0) return;
  const dir = pick(sides.direction, index, a, new Set());
  const directions = (dir >= 0 ? a.values[dir]! : [])
    .map((v) => v.trim())
    .filter((v) => v !== "")
    .map((v) => callTypeInfo(v).direction);
  const all = (d: string) => directions.length > 0 && directions.every((x) => x === d);
  const [otherField, ownField]: [MappableField, MappableField] = all("incoming") ? ["caller", "callee"] : all("outgoing") ? ["callee", "caller"] : ["counterparty", "target"];
  for (const [i, field] of [
    [other, otherField],
    [own, ownField],
  ] as const) {
    if (i < 0) continue;
    picks.set(i, field);
    used.add(i);
  }
}

/** The layout's mapping when the header names its markers (or an id column is there) and the core fields are found. */
export function matchHeader(layout: HeaderLayout, sample: TableSample, a: ColumnAnalysis): BuiltinLayout | null {
  if (a.headerless) return null;
  const index = nameIndex(sample.headers);
  const markers = layout.markers.filter((m) => index.has(normalizeName(m))).length;
  const byId = hasIdColumn(layout.idPattern, a);
  if (markers < layout.minMarkers && !byId) return null;

  const picks = new Map<number, MappableField>();
  const used = new Set<number>();
  placeSides(layout, index, a, picks, used);
  for (const [field, names] of Object.entries(layout.fields) as [MappableField, readonly string[]][]) {
    if ([...picks.values()].includes(field)) continue;
    const i = pick(names, index, a, used);
    if (i < 0) continue;
    picks.set(i, field);
    used.add(i);
  }
  const found = new Set(picks.values());
  if (!found.has("start_time") || !PARTIES.some((f) => found.has(f))) return null;
  if (layout.requires?.some((f) => !found.has(f))) return null;

  const confidence = Math.min(1, 0.6 + 0.05 * markers + (byId ? 0.4 : 0));
  const columns = buildColumns(sample, a, picks, HEADER_COLUMN_CONFIDENCE, (i) => sample.headers[i] ?? "", layout.formats);
  const start = columns.find((c) => c.field === "start_time");
  const zone = layoutZone(layout, start, start ? a.values[start.index]! : []);
  return { carrier: layout.carrier, confidence, columns, name: layout.name, zone };
}
