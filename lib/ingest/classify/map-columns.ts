import { CORE_FIELDS, FIELD_LABELS, type MappableField } from "../../schemas/fields";
import type { ColumnMapping } from "../../schemas/mapping";
import type { TableSample } from "../types";
import { assignFields } from "./assign-fields";
import { candidateScores, type ColumnCandidates } from "./candidate-scores";
import { numberInMostRows, targetFromPreamble } from "./detect-target";
import { phoneRoleEvidence } from "./phone-role-evidence";
import { profileColumn, type ColumnProfile } from "./profile-column";
import { scoreHeader, type HeaderScore } from "./score-header";
import { columnFormat } from "./value-format";

export interface ColumnAnalysis {
  headers: HeaderScore[];
  profiles: ColumnProfile[];
  values: string[][];
  headerless: boolean;
}

export interface MappingResult {
  columns: ColumnMapping[];
  /** Human sentences about doubtful columns. */
  reasons: string[];
  analysis: ColumnAnalysis;
}

/** Two readings closer than this are a coin toss a person should settle. */
const AMBIGUITY_MARGIN = 0.12;
const PHONE_ROLES: readonly MappableField[] = ["caller", "callee", "target", "dialed_digits"];

export function columnCount(sample: TableSample): number {
  return Math.max(sample.headers.length, 0, ...sample.sampleRows.map((r) => r.cells.length));
}

export function analyzeColumns(sample: TableSample): ColumnAnalysis {
  const n = columnCount(sample);
  const values = Array.from({ length: n }, (_, i) => sample.sampleRows.map((r) => r.cells[i] ?? ""));
  const headerless = sample.headerLine === null || sample.headers.every((h) => h.trim() === "");
  return {
    values,
    profiles: values.map(profileColumn),
    headers: Array.from({ length: n }, (_, i) => scoreHeader(headerless ? "" : (sample.headers[i] ?? ""))),
    headerless,
  };
}

function label(field: MappableField | null): string {
  return field === null ? "nothing" : FIELD_LABELS[field].toLowerCase();
}

function describe(index: number, header: string): string {
  return header.trim() ? `Column ${index + 1} "${header.trim()}"` : `Column ${index + 1}`;
}

/** The most plausible other reading of a column, when it is nearly as good as the chosen one. */
function rival(c: ColumnCandidates, chosen: MappableField | null, score: number): MappableField | null {
  let best: MappableField | null = null;
  let bestScore = -1;
  for (const [f, s] of c.scores) if (f !== null && f !== chosen && s > bestScore) [best, bestScore] = [f, s];
  if (best === null || score - bestScore >= AMBIGUITY_MARGIN) return null;
  const bothPhones = chosen !== null && PHONE_ROLES.includes(chosen) && PHONE_ROLES.includes(best);
  const touchesCore = CORE_FIELDS.includes(best) || (chosen !== null && CORE_FIELDS.includes(chosen));
  return bothPhones || touchesCore ? best : null;
}

/** Header similarity AND value profiles → one field per column with a calibrated confidence. */
export function mapColumns(sample: TableSample): MappingResult {
  const analysis = analyzeColumns(sample);
  const { profiles, headers, values, headerless } = analysis;
  const phoneCols = profiles.map((p, i) => (p.phone >= 0.6 ? i : -1)).filter((i) => i >= 0);
  const target = targetFromPreamble(sample.preamble) ?? numberInMostRows(sample.sampleRows, phoneCols, 0.6)?.number ?? null;
  const evidence = phoneRoleEvidence(sample.sampleRows, profiles, target);
  const candidates = profiles.map((p, i) => candidateScores(p, headerless ? null : headers[i]!, evidence.get(i)));
  const assigned = assignFields(candidates.map((c) => c.scores));
  const reasons: string[] = [];
  const columns: ColumnMapping[] = assigned.map((a, i) => {
    const header = headerless ? "" : (sample.headers[i] ?? "");
    const c = candidates[i]!;
    let confidence = Math.min(1, a.score);
    const other = rival(c, a.field, a.score);
    if (other !== null && a.field !== null) {
      confidence = Math.min(confidence, 0.6);
      reasons.push(`${describe(i, header)} could be the ${label(a.field)} or the ${label(other)}`);
    }
    const phoneNamed = Math.max(...PHONE_ROLES.map((r) => c.header.get(r) ?? 0));
    if (phoneNamed >= 0.7 && profiles[i]!.filled > 0 && profiles[i]!.phone < 0.5) {
      confidence = Math.min(confidence, 0.4);
      reasons.push(`${describe(i, header)} is named like a phone-number column but its values do not look like phone numbers`);
    }
    return {
      index: i,
      header,
      field: a.field,
      confidence: Math.round(confidence * 1000) / 1000,
      format: columnFormat(a.field, profiles[i]!, headerless ? null : headers[i]!, values[i]!),
    };
  });
  return { columns, reasons, analysis };
}
