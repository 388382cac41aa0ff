import type { ColumnMapping } from "../../schemas/mapping";
import type { SourceRow } from "../types";
import { stripAccents } from "./normalize-header";
import { partyKey, toE164 } from "./phone-e164";

const TARGET_WORDS = String.raw`target|mdn|msisdn|subscriber|subscriber number|records? for|phone number|telephone number|account|line|number|anschluss|rufnummer|teilnehmer|numero|abonado|abonne|cible|objetivo|alvo|assinante|utenza|linea|ligne|linha`;
const PREAMBLE_TARGET = new RegExp(String.raw`\b(?:${TARGET_WORDS})\b[^0-9+(]{0,20}(\+?\(?[0-9][0-9 ().\-]{8,20}[0-9])`, "i");

/**
 * "Target: 7133537623", "MDN: …", "SUBSCRIBER …", "Records for 1…" in the lines before the header:
 * as E.164 when the number has one (international spelling, NANP, or national in `region`), else
 * as its national digits (`Subscriber: 0803 311 8033` in a file of unknown country).
 */
export function targetFromPreamble(preamble: string[], region: string | null = null): string | null {
  for (const line of preamble) {
    const m = PREAMBLE_TARGET.exec(stripAccents(line));
    if (!m?.[1]) continue;
    const text = m[1].trim();
    const key = toE164(text.replace(/[ ()]/g, ""), region) ?? toE164(text, region) ?? partyKey(text, region);
    if (key) return key;
  }
  return null;
}

/**
 * The party found in at least `minShare` of rows in any of the given columns, as a party key
 * (E.164, national digits, or with `ids` an id as written).
 */
export function numberInMostRows(rows: SourceRow[], columns: number[], minShare = 0.7, region: string | null = null, ids = false): { number: string; share: number } | null {
  if (rows.length === 0 || columns.length === 0) return null;
  const counts = new Map<string, number>();
  for (const row of rows) {
    const seen = new Set<string>();
    for (const c of columns) {
      const key = partyKey(row.cells[c] ?? "", region, ids);
      if (key) seen.add(key);
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

/**
 * The subscriber the records were produced for: E.164 when the number has one, else its national
 * digits or, from a target column of ids, the id itself (the record builder reads it in the plan's region).
 */
export function detectTarget(preamble: string[], rows: SourceRow[], columns: ColumnMapping[], region: string | null = null): TargetDecision {
  const fromText = targetFromPreamble(preamble, region);
  if (fromText) return { target: fromText, source: "preamble" };
  const targetColumn = columns.find((c) => c.field === "target");
  if (targetColumn) {
    const top = numberInMostRows(rows, [targetColumn.index], 0.5, region, true);
    if (top) return { target: top.number, source: "target column" };
  }
  const sides = columns.filter((c) => c.field === "caller" || c.field === "callee").map((c) => c.index);
  const frequent = numberInMostRows(rows, sides, 0.8, region);
  return frequent ? { target: frequent.number, source: "most frequent number" } : { target: null, source: null };
}
