import type { ColumnMapping } from "../../schemas/mapping";

/**
 * Sentences for core fields no column supplies: without them records cannot be built.
 * A one-subscriber log names its parties differently: the other party (`counterparty`) with the
 * subscriber (a target column, or the file's stated target) and a direction per row is both ends
 * of every call.
 */
export function missingCoreReasons(columns: ColumnMapping[]): string[] {
  const has = (f: string) => columns.some((c) => c.field === f);
  const reasons: string[] = [];
  if (!has("start_time") && !has("start_date")) reasons.push("No column was recognized as the start date or time");
  else if (has("start_date") && !has("start_time") && !has("start_clock")) {
    reasons.push("A start date was found but no column holds the time of day");
  }
  if (has("counterparty") && !has("caller") && !has("callee")) {
    // The subscriber may be a column, the stated target, or the file itself (one person's log): the direction says who called.
    if (!has("direction") && !has("call_type")) reasons.push("The other party was found but no column says whether each row was made or received");
    return reasons;
  }
  if (!has("caller") && !has("callee")) reasons.push("No column was recognized as the caller or the callee");
  else if (!has("caller")) reasons.push("No column was recognized as the caller");
  else if (!has("callee")) reasons.push("No column was recognized as the callee");
  return reasons;
}
