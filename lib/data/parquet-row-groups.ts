import { ByteWriter, ParquetWriter } from "hyparquet-writer";
import { EXPORT_COLUMNS, type ExportRow } from "./export-row-shape";
import { LOW_CARDINALITY, PARQUET_KINDS, PARQUET_ROW_GROUP_ROWS, PARQUET_SCHEMA, PARQUET_STATISTICS } from "./parquet-export-schema";

type RowGroup = ParquetWriter["row_groups"][number];
type PageIndexes = ParquetWriter["pendingIndexes"][number];

/**
 * One row group encoded apart from its file: every byte offset in `rowGroups` and `indexes` counts
 * from the first byte of `bytes`, so it can be encoded in any thread and placed anywhere in the
 * file (ParquetAssembler moves the offsets). What crosses threads: bigints, plain objects, and
 * `bytes`, whose buffer is transferred.
 */
export interface EncodedGroup {
  bytes: Uint8Array;
  rowGroups: RowGroup[];
  indexes: PageIndexes[];
  rows: number;
}

const CODEC = "SNAPPY";
const CREATED_BY = "switchyard";
const timestampAt = PARQUET_KINDS.flatMap((k, i) => (k.kind === "timestamp" ? [i] : []));

/** Encodes export rows into row groups (hyparquet-writer), one encoder per thread. */
export class RowGroupEncoder {
  // Columns of a few distinct values hold one string per value, not one per row: a row group's
  // columns stay in memory until it is encoded, and a million short-lived copies is what drove RSS.
  private readonly interned = EXPORT_COLUMNS.map((c) => (LOW_CARDINALITY.has(c) ? new Map<string, string>() : undefined));

  /** `rows` (at most one row group's worth) as one row group. */
  encode(rows: ExportRow[]): EncodedGroup {
    const cols: unknown[][] = EXPORT_COLUMNS.map(() => new Array<unknown>(rows.length));
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      for (let i = 0; i < row.length; i++) {
        const v = row[i];
        const seen = this.interned[i];
        if (seen && typeof v === "string") {
          const same = seen.get(v);
          if (same === undefined && seen.size < 4096) seen.set(v, v);
          cols[i]![r] = same ?? v;
        } else cols[i]![r] = v;
      }
    }
    // Epoch milliseconds from SQLite; ISO-8601 UTC text ("2024-03-01T12:00:00Z") otherwise, which Date.parse reads exactly.
    for (const i of timestampAt) cols[i] = cols[i]!.map((v) => (typeof v === "string" ? Date.parse(v) : v));
    const writer = new ByteWriter(1 << 18);
    const parquet = new ParquetWriter({ writer, schema: PARQUET_SCHEMA, codec: CODEC, createdBy: CREATED_BY });
    // Drop the "PAR1" the constructor wrote: offsets then count from the group's first byte.
    writer.index = 0;
    writer.offset = 0;
    // Synchronous: ByteWriter has no flush to wait for.
    void parquet.write({
      columnData: EXPORT_COLUMNS.map((name, i) => ({ name, data: cols[i]!, statistics: PARQUET_STATISTICS[i] })),
      rowGroupSize: Math.max(rows.length, 1),
    });
    return { bytes: new Uint8Array(writer.getBuffer()), rowGroups: parquet.row_groups, indexes: parquet.pendingIndexes, rows: rows.length };
  }
}

/** Cuts rows into row groups of `rowGroupRows` as they come; `flush` encodes the rest. */
export class RowGroupCutter {
  private rows: ExportRow[] = [];
  constructor(
    private readonly encoder: RowGroupEncoder,
    private readonly rowGroupRows = PARQUET_ROW_GROUP_ROWS,
  ) {}

  push(rows: ExportRow[], out: EncodedGroup[]): void {
    for (const row of rows) {
      this.rows.push(row);
      if (this.rows.length >= this.rowGroupRows) out.push(this.encoder.encode(this.rows.splice(0)));
    }
  }

  flush(out: EncodedGroup[]): void {
    if (this.rows.length) out.push(this.encoder.encode(this.rows.splice(0)));
  }
}

/** A ByteWriter that hands over what it holds instead of keeping the file. */
class ChunkWriter extends ByteWriter {
  take(): Uint8Array[] {
    if (this.index === 0) return [];
    // A copy: the buffer is reused.
    const out = [new Uint8Array(this.buffer.slice(0, this.index))];
    this.index = 0;
    return out;
  }
}

/**
 * Writes a Parquet file from row groups encoded elsewhere (RowGroupEncoder, in this thread or
 * another), in the order given: the header, each group's bytes with its offsets moved to where
 * it lands, then (finish) the page indexes and the footer hyparquet-writer's ParquetWriter
 * writes from the groups' metadata. Relies on ParquetWriter's public `row_groups`,
 * `pendingIndexes` and `num_rows` (hyparquet-writer is pinned; tests/integration/export-parquet
 * reads the result back with DuckDB).
 */
export class ParquetAssembler {
  private readonly writer = new ChunkWriter(1 << 16);
  private readonly parquet = new ParquetWriter({ writer: this.writer, schema: PARQUET_SCHEMA, codec: CODEC, createdBy: CREATED_BY });

  /** The bytes to write next: the header first time, then the group. */
  append(group: EncodedGroup): Uint8Array[] {
    const base = BigInt(this.writer.offset);
    const chunks = group.rowGroups.flatMap((g) => g.columns);
    for (const c of chunks) {
      c.file_offset += base;
      if (c.meta_data) {
        c.meta_data.data_page_offset += base;
        if (c.meta_data.dictionary_page_offset !== undefined) c.meta_data.dictionary_page_offset += base;
      }
    }
    group.indexes.forEach((ix, i) => {
      // The same objects as the row groups' columns (in order), whatever a thread hop did to identity.
      ix.chunk = chunks[i] ?? ix.chunk;
      for (const p of ix.offsetIndex?.page_locations ?? []) p.offset += base;
    });
    this.parquet.row_groups.push(...group.rowGroups);
    this.parquet.pendingIndexes.push(...group.indexes);
    this.parquet.num_rows += BigInt(group.rows);
    const out = this.writer.take();
    this.writer.offset += group.bytes.length;
    out.push(group.bytes);
    return out;
  }

  /** The page indexes and the footer (and the header, when no group came). */
  finish(): Uint8Array[] {
    void this.parquet.finish();
    return this.writer.take();
  }
}
