import type { MappableField } from "../../schemas/fields";
import type { ColumnMapping } from "../../schemas/mapping";

export interface MissingCore {
  /** The field a column must supply (where the review screen shows the problem). */
  field: MappableField;
  message: string;
}

/**
 * Core fields no column supplies: without them records cannot be built.
 * A one-subscriber log names its parties differently: the other party (`counterparty`) with the
 * subscriber (a target column, or the file's stated target) and a direction per row is both ends
 * of every call.
 */
export function missingCore(columns: Pick<ColumnMapping, "field">[]): MissingCore[] {
  const has = (f: string) => columns.some((c) => c.field === f);
  const out: MissingCore[] = [];
  if (!has("start_time") && !has("start_date")) out.push({ field: "start_time", message: "No column was recognized as the start date or time" });
  else if (has("start_date") && !has("start_time") && !has("start_clock")) {
    out.push({ field: "start_clock", message: "A start date was found but no column holds the time of day" });
  }
  if (has("counterparty") && !has("caller") && !has("callee")) {
    // The subscriber may be a column, the stated target, or the file itself (one person's log): the direction says who called.
    if (!has("direction") && !has("call_type")) out.push({ field: "direction", message: "The other party was found but no column says whether each row was made or received" });
    return out;
  }
  if (!has("caller") && !has("callee")) out.push({ field: "caller", message: "No column was recognized as the caller or the callee" });
  else if (!has("caller")) out.push({ field: "caller", message: "No column was recognized as the caller" });
  else if (!has("callee")) out.push({ field: "callee", message: "No column was recognized as the callee" });
  return out;
}

/** The same, as the plan's review sentences. */
export function missingCoreReasons(columns: Pick<ColumnMapping, "field">[]): string[] {
  return missingCore(columns).map((m) => m.message);
}
