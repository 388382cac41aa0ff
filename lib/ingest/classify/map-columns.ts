import { CORE_FIELDS, FIELD_LABELS, type MappableField } from "../../schemas/fields";
import type { ColumnMapping } from "../../schemas/mapping";
import type { TableSample } from "../types";
import { assignFields, type Assignment } from "./assign-fields";
import { candidateScores, headerScores, type ColumnCandidates } from "./candidate-scores";
import { numberInMostRows, targetFromPreamble } from "./detect-target";
import { isIdHeader, isLetterParty } from "./header-semantics";
import { idPair, phoneRoleEvidence, type HeaderRoles, type PhoneRole, type RoleEvidence } from "./phone-role-evidence";
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
const PHONE_ROLES: readonly MappableField[] = ["caller", "callee", "target", "dialed_digits", "counterparty"];
/** Roles a header must score at least this on to name them (for the row evidence). */
const NAMED_ROLE = 0.7;

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

/** Fields whose doubt sends a file to review: the core fields and the other party (it becomes the caller or the callee). */
export const REVIEWED_FIELDS: readonly MappableField[] = [...CORE_FIELDS, "counterparty"];

/** The most plausible other reading of a column, when it is nearly as good as the chosen one. */
function rival(c: ColumnCandidates, chosen: MappableField | null, score: number): MappableField | null {
  let best: MappableField | null = null;
  let bestScore = -1;
  for (const [f, s] of c.scores) if (f !== null && f !== chosen && s > bestScore) [best, bestScore] = [f, s];
  if (best === null || score - bestScore >= AMBIGUITY_MARGIN) return null;
  const bothPhones = chosen !== null && PHONE_ROLES.includes(chosen) && PHONE_ROLES.includes(best);
  const touchesCore = REVIEWED_FIELDS.includes(best) || (chosen !== null && REVIEWED_FIELDS.includes(chosen));
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
  // An empty answer column (no call in the sample was answered: Plivo writes `answer_time: null`) is demoted too.
  const answers = headers.map((h, i) => ((isTime(i) || profiles[i]!.filled === 0) && h.normalized.tokens.some((t) => ANSWER_WORDS.test(t)) ? i : -1)).filter((i) => i >= 0);
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

export interface MapOptions {
  /** Region national numbers are read in (lib/ingest/classify/detect-region.ts); null = not known. */
  region?: string | null;
  /** The sample's analysis, when the caller already has it. */
  analysis?: ColumnAnalysis;
}

/** What each header says about party roles, for the row evidence; `namesOther`: the header names something that is no party ("Cell ID", "Duration"). */
function headerRoles(analysis: ColumnAnalysis): { roles: HeaderRoles[]; namesParty: boolean[]; namesOther: boolean[] } {
  const roles: HeaderRoles[] = [];
  const namesParty: boolean[] = [];
  const namesOther: boolean[] = [];
  analysis.profiles.forEach((p, i) => {
    const h = analysis.headerless ? null : analysis.headers[i]!;
    const hs = headerScores(p, h);
    const named = PHONE_ROLES.filter((r) => (hs.get(r) ?? 0) >= NAMED_ROLE) as PhoneRole[];
    roles.push({ named, letterParty: h !== null && isLetterParty(h.normalized) });
    namesParty.push(named.length > 0);
    const party = Math.max(0, ...PHONE_ROLES.map((r) => hs.get(r) ?? 0));
    let other = 0;
    for (const [f, sc] of hs) if (!PHONE_ROLES.includes(f as MappableField)) other = Math.max(other, sc);
    namesOther.push(other >= NAMED_ROLE && party < 0.5);
  });
  return { roles, namesParty, namesOther };
}

/**
 * Columns that hold parties: phone numbers of any plan (unless the header names something that is
 * no party); ids under a header that names a party (`correspondent_id`); and a headerless
 * subscriber/partner pair of ids. `ids` lists the columns whose ids count as parties.
 */
function partyColumns(analysis: ColumnAnalysis, namesParty: boolean[], namesOther: boolean[]): { columns: number[]; ids: Set<number> } {
  const { profiles, values, headerless } = analysis;
  const ids = new Set<number>();
  const columns: number[] = [];
  profiles.forEach((p, i) => {
    // A column whose header names something else (a 9-digit "Cell ID", a "Duration") is no party, whatever its digits.
    if (p.filled === 0 || namesOther[i]) return;
    if (p.partyNumber >= 0.6) columns.push(i);
    else if (namesParty[i] && p.partyId >= 0.6) {
      columns.push(i);
      ids.add(i);
    }
  });
  const pair = idPair(profiles, values, (i) => headerless || analysis.headers[i]!.normalized.tokens.length === 0);
  if (pair) {
    for (const i of pair) {
      if (!columns.includes(i)) columns.push(i);
      ids.add(i);
    }
    columns.sort((a, b) => a - b);
  }
  return { columns, ids };
}

/**
 * Two party columns that neither a header nor the rows tell apart are read in the order call
 * logs write them: the caller on the left, the callee on the right. Value shares alone (one
 * column has a few more odd numbers) must not swap them.
 */
function leftCallerFirst(assigned: Assignment[], roles: HeaderRoles[], evidence: RoleEvidence): void {
  const caller = assigned.findIndex((a) => a.field === "caller");
  const callee = assigned.findIndex((a) => a.field === "callee");
  if (caller < 0 || callee < 0 || caller < callee) return;
  const silent = (i: number) => roles[i]!.named.length === 0 && evidence.get(i)?.caller === undefined && evidence.get(i)?.callee === undefined;
  if (!silent(caller) || !silent(callee)) return;
  const score = Math.min(assigned[caller]!.score, assigned[callee]!.score);
  assigned[callee] = { field: "caller", score };
  assigned[caller] = { field: "callee", score };
}

/** Header similarity AND value profiles → one field per column with a calibrated confidence. */
export function mapColumns(sample: TableSample, opts: MapOptions = {}): MappingResult {
  const analysis = opts.analysis ?? analyzeColumns(sample);
  const region = opts.region ?? null;
  const { profiles, headers, values, headerless } = analysis;
  const { roles, namesParty, namesOther } = headerRoles(analysis);
  const parties = partyColumns(analysis, namesParty, namesOther);
  // The subscriber: stated in the preamble, else the number (or, in a column of ids, the id) on most rows.
  const target =
    targetFromPreamble(sample.preamble, region) ??
    numberInMostRows(
      sample.sampleRows,
      parties.columns.filter((i) => !parties.ids.has(i) || profiles[i]!.topShare >= 0.97),
      0.6,
      region,
      true,
    )?.number ??
    null;
  const evidence = phoneRoleEvidence(sample.sampleRows, profiles, target, { region, headers: roles, partyColumns: parties.columns });
  const candidates = profiles.map((p, i) => candidateScores(p, headerless ? null : headers[i]!, evidence.get(i), parties.ids.has(i)));
  applyTimeOrder(candidates, values, profiles);
  if (!headerless) demoteAnswerTimes(candidates, headers, profiles);
  let assigned = assignFields(candidates.map((c) => c.scores));
  if (assigned.some((a) => a.field === "start_clock") && !assigned.some((a) => a.field === "start_date")) {
    // A time of day means nothing without a date column: that column is something else (a length).
    for (const c of candidates) c.scores.set("start_clock", 0);
    assigned = assignFields(candidates.map((c) => c.scores));
  }
  leftCallerFirst(assigned, roles, evidence);
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
    // A party named by its id (`correspondent_id`) may hold ids; any other party column should hold numbers.
    const idColumn = !headerless && isIdHeader(headers[i]!.normalized) && profiles[i]!.partyId >= 0.5;
    // Digit strings of phone length (an invalid or test number, `1234567890`) and spelled parties (911, `Restricted`) are parties too.
    const partyShaped = Math.max(profiles[i]!.partyNumber, profiles[i]!.digitString + profiles[i]!.spelledParty);
    if (namedLikePhone(c) && profiles[i]!.filled > 0 && partyShaped < 0.5 && !idColumn) {
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
