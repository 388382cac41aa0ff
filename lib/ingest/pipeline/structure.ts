import type { ColumnTransform, MappingOverride } from "../../schemas/mapping";
import type { LayoutTemplate } from "../../schemas/template";
import { transformCells, transformHeaders, transformsProblem } from "../review/apply-transforms";
import { IngestError, type SourceRow, type TableSample, type TableSource } from "../types";

/**
 * The structure edits a file is read with (issue 18): a reviewer's (the override's, when it says)
 * else the matched template's, else none.
 */
export function transformsFor(override: MappingOverride | null | undefined, template: LayoutTemplate | null): ColumnTransform[] {
  if (override?.transforms !== undefined) return override.transforms;
  return template?.structure?.transforms ?? [];
}

/** The width the edits are checked against: the header's, or the widest sample row's. */
function sampleWidth(sample: TableSample): number {
  return Math.max(sample.headers.length, ...sample.sampleRows.slice(0, 50).map((r) => r.cells.length), 0);
}

/** The sample as the edits leave it (headers and rows); refused with a sentence when an edit names a column the table lacks. */
export function transformSample(sample: TableSample, transforms: readonly ColumnTransform[]): TableSample {
  if (transforms.length === 0) return sample;
  const problem = transformsProblem(transforms, sampleWidth(sample));
  if (problem) throw new IngestError("no_table", problem);
  return { ...sample, headers: transformHeaders(sample.headers, transforms), sampleRows: transformRows(sample.sampleRows, transforms) };
}

export function transformRows(rows: SourceRow[], transforms: readonly ColumnTransform[]): SourceRow[] {
  return rows.map((r) => ({ ...r, cells: transformCells(r.cells, transforms) }));
}

async function* mapBatches(batches: AsyncIterable<SourceRow[]>, transforms: readonly ColumnTransform[]): AsyncIterable<SourceRow[]> {
  for await (const batch of batches) yield transformRows(batch, transforms);
}

/**
 * The source whose every row (whole-file or by byte range, in any producer thread) comes out
 * edited exactly as the sample was: the load reads what the preview showed.
 */
export function transformSource(source: TableSource, sample: TableSample, transforms: readonly ColumnTransform[]): TableSource {
  if (transforms.length === 0) return source;
  const ranges = source.ranges;
  return {
    format: source.format,
    bytesTotal: source.bytesTotal,
    sample: async () => sample,
    rows: () => mapBatches(source.rows(), transforms),
    bytesRead: () => source.bytesRead(),
    close: () => source.close(),
    ...(ranges
      ? {
          ranges: {
            dataStart: ranges.dataStart,
            boundaryAt: (offset: number) => ranges.boundaryAt(offset),
            rows: (range, out) => mapBatches(ranges.rows(range, out), transforms),
          } satisfies TableSource["ranges"],
        }
      : {}),
  };
}
