import type { Db } from "../db/prisma";
import { deviceWhere } from "./record-device-filter";
import type { CaseScope } from "./case-access";
import type { RecordDto } from "../schemas/api";
import { RECORD_FIELDS, RECORD_FIELD_NAMES } from "../schemas/record-fields";

/** Call records: the filtered, case-scoped list, and a paged iterator for exports. */
export interface RecordFilter {
  /** The case(s) the caller may read (caseScopeWhere); an empty object means every case (admins, the CLI). */
  scope: CaseScope;
  jobId?: string | undefined;
  number?: string | undefined;
  /** The handset: digits compared, spaces and dashes ignored; a 15-digit IMEI also finds its 14-digit form and back. */
  imei?: string | undefined;
  /** The subscriber identity, digits compared. */
  imsi?: string | undefined;
  /** A cell id, the call's first or last cell. */
  cell?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  type?: string | undefined;
  direction?: string | undefined;
  /** Seconds, inclusive; a record without a duration never matches. */
  minDuration?: number | undefined;
  maxDuration?: number | undefined;
  /** Include the linked duplicate legs (duplicate_of set); without it each call counts once. */
  includeDuplicates?: boolean | undefined;
}

async function whereOf(db: Db, f: RecordFilter) {
  const text = f.number?.trim() ?? "";
  // A spelled party ("Restricted", "sip:alice@example.com", "client1") is searched as written; a phone number by its digits.
  const spelled = /[a-z@:]/i.test(text);
  const digits = spelled ? "" : text.replace(/[^\d+]/g, "");
  const cell = f.cell?.trim();
  // Each filter narrows (AND); the party and cell searches are ORs of their own, so they go in AND.
  const all = [
    ...(spelled ? [{ OR: rawMatches(text) }] : digits ? [{ OR: numberMatches(digits) }] : []),
    ...(cell ? [{ OR: [{ cellFirst: cell }, { cellLast: cell }] }] : []),
  ];
  const devices = [
    ...(f.imei?.trim() ? [await deviceWhere(db, f.scope, "imei", imeiSpellings(f.imei))] : []),
    ...(f.imsi?.trim() ? [await deviceWhere(db, f.scope, "imsi", imsiSpellings(f.imsi))] : []),
  ];
  const duration = { ...(f.minDuration !== undefined ? { gte: f.minDuration } : {}), ...(f.maxDuration !== undefined ? { lte: f.maxDuration } : {}) };
  return {
    ...f.scope,
    ...(f.jobId ? { jobId: f.jobId } : {}),
    ...(f.includeDuplicates ? {} : { duplicateOf: null }),
    ...(f.type ? { recordType: f.type } : {}),
    ...(f.direction ? { direction: f.direction } : {}),
    ...(f.from || f.to ? { startTime: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? toBound(f.to) : {}) } } : {}),
    ...(Object.keys(duration).length ? { durationSeconds: duration } : {}),
    ...(all.length || devices.length ? { AND: [...all, ...devices] } : {}),
  };
}

/** What a person typed, as bare digits (or hex, for a MEID), upper-cased. */
export function deviceIdDigits(text: string): string {
  return text.replace(/[\s.-]/g, "").toUpperCase();
}

/** The Luhn check digit of an IMEI's first 14 digits. */
export function imeiCheckDigit(fourteen: string): string {
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    let d = Number(fourteen[i]);
    if (i % 2 === 1) d *= 2;
    sum += d > 9 ? d - 9 : d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** A digit string in the groups printed on handsets and in carrier files ("35-209900-176148-1"), with a space or a dash. */
function grouped(d: string, groups: number[][]): string[] {
  const out: string[] = [];
  for (const sizes of groups) {
    if (sizes.reduce((a, b) => a + b, 0) !== d.length) continue;
    const parts: string[] = [];
    let at = 0;
    for (const n of sizes) parts.push(d.slice(at, (at += n)));
    out.push(parts.join("-"), parts.join(" "));
  }
  return out;
}

/**
 * The stored spellings an IMEI search matches. Values are stored as the carrier printed them, so
 * "compare digits only" is an equality on the bare digits and on the usual grouped spellings —
 * an IN list the (case_id, imei) index answers on a case of millions. A 15-digit IMEI also finds
 * its 14 digits without the check digit, and 14 digits the 15-digit form with the Luhn digit.
 */
export function imeiSpellings(text: string): string[] {
  const d = deviceIdDigits(text);
  if (!/^\d+$/.test(d)) return [d, d.toLowerCase()]; // a MEID (hex), as written
  const forms = d.length === 15 ? [d, d.slice(0, 14)] : d.length === 14 ? [d, d + imeiCheckDigit(d)] : [d];
  const groups = [[2, 6, 6, 1], [8, 6, 1], [2, 6, 6], [8, 6], [2, 6, 6, 2], [8, 6, 2]];
  return [...new Set(forms.flatMap((f) => [f, ...grouped(f, groups)]))];
}

/** The stored spellings an IMSI search matches: the digits, and MCC-MNC-MSIN groups (2- or 3-digit MNC). */
export function imsiSpellings(text: string): string[] {
  const d = deviceIdDigits(text);
  if (!/^\d+$/.test(d) || d.length < 7) return [d];
  return [...new Set([d, ...grouped(d, [[3, 2, d.length - 5], [3, 3, d.length - 6], [5, d.length - 5], [6, d.length - 6]])])];
}

/** A number search finds the E.164 form and, for parties without one (an extension, a national number), the raw value. */
function numberMatches(digits: string) {
  return [
    { caller: { contains: digits } }, { callee: { contains: digits } }, { target: { contains: digits } },
    ...rawMatches(digits),
  ];
}

function rawMatches(text: string) {
  return [{ callerRaw: { contains: text } }, { calleeRaw: { contains: text } }, { targetRaw: { contains: text } }];
}

type RecordRow = { id: number; jobId: string; line: number; carrier: string | null; duplicateOf: number | null; job: { fileName: string } } & Record<string, unknown>;

/** A stored row → its DTO: every field of the record field table under its export name. */
export function toRecordDto(r: RecordRow): RecordDto {
  const fields = Object.fromEntries(RECORD_FIELD_NAMES.map((k) => [k, r[RECORD_FIELDS[k].prisma] ?? (RECORD_FIELDS[k].pg === "boolean" ? false : null)]));
  // A party with an E.164 form is stored without its kind (build-batches.ts): it is e164.
  for (const p of ["caller", "callee", "target"] as const) if (fields[p] !== null && fields[`${p}_kind`] === null) fields[`${p}_kind`] = "e164";
  return {
    id: r.id, jobId: r.jobId, ...(fields as Omit<RecordDto, "id" | "jobId" | "duplicate_of" | "carrier" | "source_file" | "source_line">),
    duplicate_of: r.duplicateOf, carrier: r.carrier, source_file: r.job.fileName, source_line: r.line,
  };
}

const withFile = { job: { select: { fileName: true } } } as const;

export async function listRecords(db: Db, f: RecordFilter & { page: number; pageSize: number }): Promise<{ records: RecordDto[]; total: number }> {
  const where = await whereOf(db, f);
  const [rows, total] = await Promise.all([
    db.callRecord.findMany({ where, orderBy: [{ startTime: "asc" }, { id: "asc" }], skip: (f.page - 1) * f.pageSize, take: f.pageSize, include: withFile }),
    db.callRecord.count({ where }),
  ]);
  return { records: rows.map(toRecordDto), total };
}

/** Every matching record in id order, fetched in pages so an export of millions never sits in memory. */
export async function* iterateRecords(db: Db, f: RecordFilter, pageSize = 5000): AsyncGenerator<RecordDto> {
  const where = await whereOf(db, f);
  let cursor = 0;
  for (;;) {
    const rows = await db.callRecord.findMany({ where: { ...where, id: { gt: cursor } }, orderBy: { id: "asc" }, take: pageSize, include: withFile });
    for (const r of rows) yield toRecordDto(r);
    if (rows.length < pageSize) return;
    cursor = rows[rows.length - 1]!.id;
  }
}

/** The targets (subscribers) with records in the scope, in order. */
export async function listTargets(db: Db, scope: CaseScope): Promise<string[]> {
  const c = scope.caseId;
  if (typeof c === "number") return caseTargets(db, c);
  const caseIds = c === undefined ? (await db.case.findMany({ select: { id: true } })).map((x) => x.id) : c.in;
  const all = new Set<string>();
  for (const id of caseIds) for (const t of await caseTargets(db, id)) all.add(t);
  return [...all].sort();
}

interface TargetRow {
  target: string | null;
}

/**
 * A case's distinct targets by a loose index scan: one seek per target on the
 * (case_id, target, start_time) index, the same SQL on SQLite and PostgreSQL. Prisma's
 * `distinct` (used before) reads every record of the case and dedups in Node: 1.9 s for 50
 * targets over 1M records, against a few milliseconds here.
 */
async function caseTargets(db: Db, caseId: number): Promise<string[]> {
  const rows = await db.$queryRaw<TargetRow[]>`
    WITH RECURSIVE t(target) AS (
      SELECT (SELECT r.target FROM call_records r WHERE r.case_id = ${caseId} AND r.target IS NOT NULL ORDER BY r.target LIMIT 1)
      UNION ALL
      SELECT (SELECT r.target FROM call_records r WHERE r.case_id = ${caseId} AND r.target > t.target ORDER BY r.target LIMIT 1)
      FROM t WHERE t.target IS NOT NULL
    )
    SELECT target FROM t WHERE target IS NOT NULL`;
  return rows.map((r) => r.target).filter((t): t is string => !!t);
}

/**
 * `to` is inclusive: a date alone covers its whole UTC day (start times are ISO-8601 text, so
 * "2024-03-02T23:59:59Z" < "2024-03-03" while "2024-03-03T00:00:00Z" is not); a full time is
 * compared as given.
 */
function toBound(to: string): { lt: string } | { lte: string } {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(to)) return { lte: to };
  const next = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000);
  return Number.isNaN(next.getTime()) ? { lte: to } : { lt: next.toISOString().slice(0, 10) };
}
