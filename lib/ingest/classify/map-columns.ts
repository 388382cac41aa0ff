import { CORE_FIELDS, FIELD_LABELS, type MappableField } from "../../schemas/fields";
import type { ColumnMapping } from "../../schemas/mapping";
import type { TableSample } from "../types";
import { assignFields } from "./assign-fields";
import { candidateScores, type ColumnCandidates } from "./candidate-scores";
import { numberInMostRows, targetFromPreamble } from "./detect-target";
import { phoneRoleEvidence } from "./phone-role-evidence";
import { profileColumn, type ColumnProfile } from "./profile-column";
import { scoreHeader, type HeaderScore } from "./score-header";
import { startEndOrder } from "./time-order";
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

/** The header's best reading is a phone role (caller, callee, target, dialed digits). */
function namedLikePhone(c: ColumnCandidates): boolean {
  let phone = 0;
  let other = 0;
  for (const [f, s] of c.header) {
    if (PHONE_ROLES.includes(f as MappableField)) phone = Math.max(phone, s);
    else other = Math.max(other, s);
  }
  // Ties ("Linha": a phone line or a row number) are left to the values.
  return phone >= 0.7 && phone > other;
}

/** The earlier of two date-time columns is the start, the later the end. */
function applyTimeOrder(candidates: ColumnCandidates[], values: string[][], profiles: ColumnProfile[]): void {
  const order = startEndOrder(values, profiles);
  if (!order) return;
  const early = candidates[order.earlier]!.scores;
  const late = candidates[order.later]!.scores;
  early.set("end_time", (early.get("end_time") ?? 0) * 0.85);
  late.set("start_time", (late.get("start_time") ?? 0) * 0.85);
}

/** An answer/connect time: the start of talk, not of the call. */
const ANSWER_WORDS = /^(answer|answered|answering|connection|connected)$/;
/** Words that name the start of the call itself. */
const CALL_START_WORDS = /^(start|started|starting|begin|initiation|initiated|initiate|setup|created|origination|date|datetime|timestamp)$/;

/**
 * `answer*` is not the start when another date-time column names the call's start (`start*`,
 * `initiat*`, `setup*`, `created`, `date`): the canonical record has no answer time, so the
 * answer column is left unmapped unless nothing else can be the start.
 */
function demoteAnswerTimes(candidates: ColumnCandidates[], headers: HeaderScore[], profiles: ColumnProfile[]): void {
  const isTime = (i: number) => profiles[i]!.dateTime >= 0.5;
  const answers = headers.map((h, i) => (isTime(i) && h.normalized.tokens.some((t) => ANSWER_WORDS.test(t)) ? i : -1)).filter((i) => i >= 0);
  if (answers.length === 0) return;
  const starts = headers
    .map((h, i) => (!answers.includes(i) && isTime(i) && h.normalized.tokens.some((t) => CALL_START_WORDS.test(t)) && (candidates[i]!.header.get("end_time") ?? 0) < 0.7 ? i : -1))
    .filter((i) => i >= 0);
  if (starts.length === 0) return;
  for (const i of answers) {
    const sc = candidates[i]!.scores;
    for (const f of ["start_time", "start_date", "start_clock"] as const) sc.set(f, (sc.get(f) ?? 0) * 0.2);
    sc.set(null, Math.max(sc.get(null) ?? 0, 0.8));
  }
}

/** Header similarity AND value profiles → one field per column with a calibrated confidence. */
export function mapColumns(sample: TableSample): MappingResult {
  const analysis = analyzeColumns(sample);
  const { profiles, headers, values, headerless } = analysis;
  const phoneCols = profiles.map((p, i) => (p.phone >= 0.6 ? i : -1)).filter((i) => i >= 0);
  const target = targetFromPreamble(sample.preamble) ?? numberInMostRows(sample.sampleRows, phoneCols, 0.6)?.number ?? null;
  const evidence = phoneRoleEvidence(sample.sampleRows, profiles, target);
  const candidates = profiles.map((p, i) => candidateScores(p, headerless ? null : headers[i]!, evidence.get(i)));
  applyTimeOrder(candidates, values, profiles);
  if (!headerless) demoteAnswerTimes(candidates, headers, profiles);
  let assigned = assignFields(candidates.map((c) => c.scores));
  if (assigned.some((a) => a.field === "start_clock") && !assigned.some((a) => a.field === "start_date")) {
    // A time of day means nothing without a date column: that column is something else (a length).
    for (const c of candidates) c.scores.set("start_clock", 0);
    assigned = assignFields(candidates.map((c) => c.scores));
  }
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
    if (namedLikePhone(c) && profiles[i]!.filled > 0 && profiles[i]!.phone < 0.5) {
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
