/**
 * Whether decoded text is a JSON document or NDJSON, from its head only. A text file that merely
 * starts with "[" (an INI-style "[Report]" title) or "{" must not be taken for JSON, so the
 * character after the opening bracket is checked too.
 */

const AFTER_ARRAY_OPEN = /^\[\s*(?:[{["\]\-0-9]|true|false|null|$)/;
const AFTER_OBJECT_OPEN = /^\{\s*(?:["}]|$)/;

function isJsonObjectLine(line: string): boolean {
  if (!line.startsWith("{") || !line.endsWith("}")) return false;
  try {
    const v: unknown = JSON.parse(line);
    return typeof v === "object" && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
}

/** "json", "ndjson" or null (not JSON). `text` is the head of the file with any BOM removed. */
export function sniffJson(text: string): "json" | "ndjson" | null {
  const body = text.replace(/^\s+/, "");
  if (body.startsWith("[")) return AFTER_ARRAY_OPEN.test(body) ? "json" : null;
  if (!body.startsWith("{") || !AFTER_OBJECT_OPEN.test(body)) return null;
  // NDJSON: the first two non-blank lines are each a whole JSON object.
  const lines = body
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
  const complete = lines.length > 1 ? lines.slice(0, -1) : lines; // the last line of a head may be cut off
  if (complete.length >= 2 && isJsonObjectLine(complete[0]!) && isJsonObjectLine(complete[1]!)) return "ndjson";
  if (lines.length >= 2 && isJsonObjectLine(lines[0]!) && lines[1]!.startsWith("{")) return "ndjson";
  return "json";
}
