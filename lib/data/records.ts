import type { Db } from "../db/prisma";
import type { CaseScope } from "./case-access";
import type { RecordDto } from "../schemas/api";
import { RECORD_FIELDS, RECORD_FIELD_NAMES } from "../schemas/record-fields";

/** Call records: the filtered, case-scoped list, and a paged iterator for exports. */
export interface RecordFilter {
  /** The case(s) the caller may read (caseScopeWhere); an empty object means every case (admins, the CLI). */
  scope: CaseScope;
  jobId?: string | undefined;
  number?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  type?: string | undefined;
  /** Include the linked duplicate legs (duplicate_of set); without it each call counts once. */
  includeDuplicates?: boolean | undefined;
}

function whereOf(f: RecordFilter) {
  const text = f.number?.trim() ?? "";
  // A spelled party ("Restricted", "sip:alice@example.com", "client1") is searched as written; a phone number by its digits.
  const spelled = /[a-z@:]/i.test(text);
  const digits = spelled ? "" : text.replace(/[^\d+]/g, "");
  return {
    ...f.scope,
    ...(f.jobId ? { jobId: f.jobId } : {}),
    ...(f.includeDuplicates ? {} : { duplicateOf: null }),
    ...(f.type ? { recordType: f.type } : {}),
    ...(f.from || f.to ? { startTime: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lte: f.to } : {}) } } : {}),
    ...(spelled ? { OR: rawMatches(text) } : digits ? { OR: numberMatches(digits) } : {}),
  };
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
  const where = whereOf(f);
  const [rows, total] = await Promise.all([
    db.callRecord.findMany({ where, orderBy: [{ startTime: "asc" }, { id: "asc" }], skip: (f.page - 1) * f.pageSize, take: f.pageSize, include: withFile }),
    db.callRecord.count({ where }),
  ]);
  return { records: rows.map(toRecordDto), total };
}

/** Every matching record in id order, fetched in pages so an export of millions never sits in memory. */
export async function* iterateRecords(db: Db, f: RecordFilter, pageSize = 5000): AsyncGenerator<RecordDto> {
  const where = whereOf(f);
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
  const rows = await db.callRecord.findMany({ where: { ...scope, target: { not: null } }, distinct: ["target"], select: { target: true }, orderBy: { target: "asc" } });
  return rows.map((r) => r.target).filter((t): t is string => !!t);
}
