import { ROW_WIDTH, type RecordBatch, type RecordValue } from "../../lib/ingest/pipeline/record-sink";

/**
 * Records `first` … `first + count - 1` of one made-up target, a minute apart from 2024-01-01 UTC,
 * as a sink receives them (RECORD_COLUMNS order, line = index + 1): for tests that drive a
 * record sink directly. The content hash leads with the start time, as hashRecord's does.
 */
export function syntheticBatch(first: number, count: number): RecordBatch {
  const values: RecordValue[] = [];
  for (let i = first; i < first + count; i++) {
    const start = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString().replace(".000Z", "Z");
    const hash = (
      Math.floor(Date.parse(start) / 1000)
        .toString(16)
        .padStart(10, "0") + i.toString(16)
    ).padEnd(64, "0");
    const row: RecordValue[] = [
      hash,
      i + 1,
      start,
      null,
      60,
      "+17135550100",
      "+17135550199",
      "outgoing",
      "voice",
      "+17135550100",
      null,
      null,
      null,
      null,
      null,
      "e164",
      "7135550100",
      "e164",
      "7135550199",
      "e164",
      "7135550100",
      0,
    ];
    if (row.length !== ROW_WIDTH) throw new Error(`syntheticBatch: ${row.length} values a row, the sink wants ${ROW_WIDTH}`);
    values.push(...row);
  }
  return { count, values };
}
