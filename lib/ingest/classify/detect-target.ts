import type { ColumnMapping } from "../../schemas/mapping";
import type { SourceRow } from "../types";
import { stripAccents } from "./normalize-header";
import { toE164 } from "./phone-e164";

const TARGET_WORDS = String.raw`target|mdn|msisdn|subscriber|subscriber number|records? for|phone number|telephone number|account|line|number|anschluss|rufnummer|teilnehmer|numero|abonado|abonne|cible|objetivo|alvo|assinante|utenza|linea|ligne|linha`;
const PREAMBLE_TARGET = new RegExp(String.raw`\b(?:${TARGET_WORDS})\b[^0-9+]{0,20}(\+?[0-9][0-9 ().\-]{8,20}[0-9])`, "i");

/** "Target: 7133537623", "MDN: …", "SUBSCRIBER …", "Records for 1…" in the lines before the header. */
export function targetFromPreamble(preamble: string[]): string | null {
  for (const line of preamble) {
    const m = PREAMBLE_TARGET.exec(stripAccents(line));
    if (!m?.[1]) continue;
    const e164 = toE164(m[1].replace(/[ ()]/g, ""));
    if (e164) return e164;
  }
  return null;
}

/** The number found in at least `minShare` of rows in any of the given columns. */
export function numberInMostRows(rows: SourceRow[], columns: number[], minShare = 0.7): { number: string; share: number } | null {
  if (rows.length === 0 || columns.length === 0) return null;
  const counts = new Map<string, number>();
  for (const row of rows) {
    const seen = new Set<string>();
    for (const c of columns) {
      const e164 = toE164(row.cells[c] ?? "");
      if (e164) seen.add(e164);
    }
    for (const n of seen) counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  let best: { number: string; share: number } | null = null;
  for (const [number, c] of counts) if (!best || c > best.share) best = { number, share: c };
  if (!best) return null;
  const share = best.share / rows.length;
  return share >= minShare ? { number: best.number, share } : null;
}

export interface TargetDecision {
  target: string | null;
  source: "preamble" | "target column" | "most frequent number" | null;
}

/** The subscriber the records were produced for, as E.164. */
export function detectTarget(preamble: string[], rows: SourceRow[], columns: ColumnMapping[]): TargetDecision {
  const fromText = targetFromPreamble(preamble);
  if (fromText) return { target: fromText, source: "preamble" };
  const targetColumn = columns.find((c) => c.field === "target");
  if (targetColumn) {
    const top = numberInMostRows(rows, [targetColumn.index], 0.5);
    if (top) return { target: top.number, source: "target column" };
  }
  const sides = columns.filter((c) => c.field === "caller" || c.field === "callee").map((c) => c.index);
  const frequent = numberInMostRows(rows, sides, 0.8);
  return frequent ? { target: frequent.number, source: "most frequent number" } : { target: null, source: null };
}
