import type { MappableField } from "../../../schemas/fields";
import type { ColumnMapping } from "../../../schemas/mapping";
import { compileInstantParser, wallToUtcConverter } from "../../normalize/datetime";
import { parseDurationSeconds } from "../../normalize/duration";
import type { TableSample } from "../../types";
import type { ColumnAnalysis } from "../map-columns";
import { columnFormat } from "../value-format";
import { normalizeName } from "./names";
import type { Format } from "./types";

/** A column whose values mostly fail to read as its field is doubtful: a person looks. */
const MIN_READABLE = 0.8;
const DOUBTFUL = 0.5;
const UTC = wallToUtcConverter("UTC")!;
const TIME_FIELDS: readonly MappableField[] = ["start_time", "end_time"];

const round = (x: number) => Math.round(x * 1000) / 1000;

function filled(values: readonly string[]): string[] {
  return values.map((v) => v.trim()).filter((v) => v !== "");
}

/** Share of the values that read as the field (times and durations; other fields are not checked). */
function readable(field: MappableField, values: readonly string[], format: Format | null): number {
  const vs = filled(values);
  if (vs.length === 0) return TIME_FIELDS.includes(field) || field === "duration_seconds" ? 0 : 1;
  if (TIME_FIELDS.includes(field)) {
    const parse = compileInstantParser({ samples: vs, format });
    return vs.filter((v) => !Number.isNaN(parse(v, UTC))).length / vs.length;
  }
  if (field === "duration_seconds") return vs.filter((v) => !Number.isNaN(parseDurationSeconds(v, format))).length / vs.length;
  return 1;
}

/**
 * A layout's lengths are in seconds unless its table says otherwise or they are clocks (H:MM:SS):
 * a vendor's documented unit beats guessing minutes from decimals.
 */
function formatOf(field: MappableField, i: number, a: ColumnAnalysis, name: string, formats: Readonly<Record<string, Format>> | undefined): Format | null {
  const declared = formats && Object.entries(formats).find(([k]) => normalizeName(k) === name)?.[1];
  if (declared) return declared;
  const profile = a.profiles[i]!;
  if (field === "duration_seconds") return profile.clockDuration >= 0.8 ? "clock" : "seconds";
  return columnFormat(field, profile, a.headerless ? null : a.headers[i]!, a.values[i]!);
}

/** The mapping of every column: the picked fields at `confidence`, lowered where the values do not read as the field. */
export function buildColumns(
  sample: TableSample,
  a: ColumnAnalysis,
  picks: ReadonlyMap<number, MappableField>,
  confidence: number,
  nameOf: (i: number) => string,
  formats?: Readonly<Record<string, Format>>,
): ColumnMapping[] {
  return a.values.map((values, i) => {
    const field = picks.get(i) ?? null;
    const header = a.headerless ? "" : (sample.headers[i] ?? "");
    if (field === null) return { index: i, header, field, confidence: round(confidence), format: null };
    const format = formatOf(field, i, a, normalizeName(nameOf(i)), formats);
    const c = readable(field, values, format) >= MIN_READABLE ? confidence : Math.min(confidence, DOUBTFUL);
    return { index: i, header, field, confidence: round(c), format };
  });
}

/** Share of rows whose cell in column i is filled. */
export function filledShare(a: ColumnAnalysis, i: number): number {
  const p = a.profiles[i];
  return p ? 1 - p.emptyShare : 0;
}
