import { parentPort } from "node:worker_threads";
import { encodeSpan } from "../lib/data/parquet-spans";
import { RowGroupCutter, RowGroupEncoder, type EncodedGroup } from "../lib/data/parquet-row-groups";
import { SqliteExportReader } from "../lib/data/sqlite-export-reader";
import { parquetEncoderCommandSchema, type ParquetEncoderMessage } from "../lib/schemas/parquet-encoder-protocol";

/**
 * Parquet encoder thread (lib/data/parquet-encoder-pool.ts): opens the SQLite file read-only,
 * then reads and encodes the id spans it is sent, each into row groups whose bytes go back
 * transferred, not copied.
 */
const port = parentPort;
if (!port) throw new Error("parquet-encoder must run as a worker thread");
let reader: SqliteExportReader | undefined;
let encoder: RowGroupEncoder | undefined;
let rowGroupRows = 0;

port.on("message", (msg: unknown) => {
  const command = parquetEncoderCommandSchema.safeParse(msg);
  const seq = command.success && command.data.type === "span" ? command.data.seq : -1;
  try {
    if (!command.success) throw new Error(`bad encoder command (${command.error.message})`);
    const c = command.data;
    if (c.type === "open") {
      reader = new SqliteExportReader(c.file, c.scope);
      encoder = new RowGroupEncoder();
      rowGroupRows = c.rowGroupRows;
      return;
    }
    if (!reader || !encoder) throw new Error("span before open");
    // Row groups never straddle spans: the span's last group may be short.
    const groups: EncodedGroup[] = [];
    const cutter = new RowGroupCutter(encoder, rowGroupRows);
    encodeSpan(reader, cutter, c, groups);
    cutter.flush(groups);
    port.postMessage(
      { type: "encoded", seq, groups } satisfies ParquetEncoderMessage,
      groups.map((g) => g.bytes.buffer as ArrayBuffer),
    );
  } catch (err) {
    port.postMessage({ type: "failed", seq, message: err instanceof Error ? err.message : String(err) } satisfies ParquetEncoderMessage);
  }
});
port.on("close", () => reader?.close());
