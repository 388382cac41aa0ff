import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Db } from "../../lib/db/prisma";
import { caseIdForName } from "../../lib/data/cases";
import { executeJob, type TaskRunner } from "../../lib/jobs/execute-job";
import { createJob } from "../../lib/jobs/job-commands";
import { silentJobEvents } from "../../lib/jobs/job-events";
import { runIngestTask } from "../../lib/jobs/run-ingest-task";
import { layoutPlanSchema, type LayoutPlan, type MappingOverride } from "../../lib/schemas/mapping";
import type { MappableField } from "../../lib/schemas/fields";

/**
 * Scores the engine on the real-world call logs in fixtures/real-world (see its README.md for the
 * truth format): per file, (1) what detection does on its own — status, and whether caller,
 * callee, start and duration land on the truth columns — and (2) how many of the loadable rows
 * become records when a reviewer supplies the truth mapping. Runs the pipeline in-process the
 * way cli/ingest-command.ts does.
 */

export const REAL_WORLD_DIR = path.resolve(import.meta.dirname, "../../fixtures/real-world");

type Col = number | string | null;
type StartCol = Col | { start_date: Col; start_clock: Col };

export interface RealWorldTruth {
  kind: string;
  format: string;
  delimiter: string | null;
  header_line: number | null;
  rows: number;
  event_rows: number;
  loadable_rows: number;
  columns: {
    caller: Col;
    callee: Col;
    counterparty?: Col;
    start_time: StartCol;
    duration_seconds: Col;
    answer_time?: Col;
    end_time?: Col;
    direction?: Col;
    record_type?: Col;
  };
  alternatives: Partial<Record<"caller" | "callee" | "duration_seconds" | "start_time", Col[]>>;
  /** caller-callee: two party columns; subscriber-partner: the file owner and the other party (direction says who called); partner-only: only the other party is a column. */
  parties: "caller-callee" | "subscriber-partner" | "partner-only";
  formats: Record<string, string>;
  timezone: string | null;
  notes: string;
}

export interface FileScore {
  file: string;
  kind: string;
  /** Automatic run. */
  status: string;
  errorCode: string | null;
  reviewReasons: string[];
  autoLoaded: number;
  partiesOk: boolean;
  startOk: boolean;
  durationOk: boolean;
  coreOk: boolean;
  /** What detection chose for the core fields ("caller=3 callee=- …"), for the table. */
  detected: string;
  /** Run with the truth mapping. */
  truthStatus: string;
  truthErrorCode: string | null;
  truthLoaded: number;
  loadable: number;
  /** min(1, loaded ÷ loadable). */
  truthShare: number;
  /** Row-error codes of the truth-mapping run, with counts. */
  rowErrors: Record<string, number>;
  /** Truth columns that could not be expressed as a column of the extracted table (JSON paths into arrays). */
  unresolved: string[];
}

export interface RealWorldSummary {
  files: FileScore[];
  kinds: number;
  coreShare: number;
  loadedRows: number;
  loadableRows: number;
  rowShare: number;
  /** Mean of the per-file shares (each file weighs the same). */
  meanFileShare: number;
}

export function loadRealWorldTruths(dir = REAL_WORLD_DIR): { file: string; truth: RealWorldTruth }[] {
  const out: { file: string; truth: RealWorldTruth }[] = [];
  for (const kind of fs.readdirSync(dir).sort()) {
    const sub = path.join(dir, kind);
    if (!fs.statSync(sub).isDirectory()) continue;
    for (const name of fs.readdirSync(sub).sort()) {
      if (!name.endsWith(".truth.json")) continue;
      const file = path.join(kind, name.slice(0, -".truth.json".length));
      out.push({ file, truth: JSON.parse(fs.readFileSync(path.join(dir, file) + ".truth.json", "utf8")) as RealWorldTruth });
    }
  }
  return out;
}

const inline: TaskRunner = (task, onProgress, flag) => runIngestTask(task, onProgress, () => Atomics.load(flag, 0) === 1);

async function ingest(db: Db, databaseUrl: string, abs: string, caseId: number, mapping: MappingOverride | null, salt: string) {
  const sha = crypto.createHash("sha256").update(fs.readFileSync(abs)).update(salt).digest("hex");
  const job = await createJob(db, { fileName: path.basename(abs), storedPath: abs, sha256: sha, sizeBytes: fs.statSync(abs).size, mapping, caseId });
  await executeJob(db, databaseUrl, job.id, inline, silentJobEvents);
  const row = await db.ingestionJob.findUniqueOrThrow({ where: { id: job.id }, include: { classification: true } });
  const plan: LayoutPlan | null = row.classification ? layoutPlanSchema.parse(JSON.parse(row.classification.plan)) : null;
  return { jobId: row.id, status: row.status, errorCode: row.errorCode ?? null, plan, loaded: row.inserted + row.duplicates };
}

/** A truth column as a column index of the extracted table: CSV columns are indexes; JSON ones are the extractor's dotted names. */
function resolver(plan: LayoutPlan | null) {
  const headers = new Map<string, number>();
  for (const c of plan?.columns ?? []) if (c.header) headers.set(c.header, c.index);
  return (col: Col): number | null => {
    if (col === null) return null;
    if (typeof col === "number") return col;
    return headers.get(col) ?? null;
  };
}

function indexOf(plan: LayoutPlan | null, field: MappableField): number | null {
  return plan?.columns.find((c) => c.field === field)?.index ?? null;
}

function judge(truth: RealWorldTruth, plan: LayoutPlan | null) {
  const at = resolver(plan);
  const alts = (k: keyof RealWorldTruth["alternatives"], main: Col) => [main, ...(truth.alternatives[k] ?? [])].map(at).filter((i): i is number => i !== null);
  const caller = indexOf(plan, "caller");
  const callee = indexOf(plan, "callee");
  const target = indexOf(plan, "target");
  const counterparty = indexOf(plan, "counterparty");
  const sameSet = (want: (number | null)[], got: (number | null)[]) => {
    const w = new Set(want.filter((i): i is number => i !== null));
    const g = new Set(got.filter((i): i is number => i !== null));
    return w.size === want.length && g.size === got.length && w.size === g.size && [...w].every((i) => g.has(i));
  };
  let partiesOk: boolean;
  if (truth.parties === "caller-callee") {
    partiesOk = caller !== null && callee !== null && alts("caller", truth.columns.caller).includes(caller) && alts("callee", truth.columns.callee).includes(callee);
  } else if (truth.parties === "partner-only") {
    // Only the other party is a column: it must be the counterparty (or, read as outgoing-only, the callee), and no other column a party.
    const want = at(truth.columns.counterparty ?? null);
    const parties = [caller, callee, counterparty, target].filter((i): i is number => i !== null);
    partiesOk = want !== null && parties.length === 1 && (counterparty === want || callee === want);
  } else {
    // Subscriber + partner: the subscriber (the truth's caller column) is the target and the partner the counterparty,
    // or the two are mapped as caller and callee (either order: the direction decides per row).
    const subscriber = at(truth.columns.caller);
    const partner = at(truth.columns.callee);
    const asTarget = target !== null && counterparty !== null && target === subscriber && counterparty === partner && caller === null && callee === null;
    const asSides = target === null && counterparty === null && sameSet([subscriber, partner], [caller, callee]);
    partiesOk = subscriber !== null && partner !== null && (asTarget || asSides);
  }
  let startOk: boolean;
  const st = truth.columns.start_time;
  if (st !== null && typeof st === "object") {
    startOk = indexOf(plan, "start_date") === at(st.start_date) && indexOf(plan, "start_clock") === at(st.start_clock) && indexOf(plan, "start_time") === null;
  } else {
    const s = indexOf(plan, "start_time");
    startOk = s !== null && alts("start_time", st).includes(s);
  }
  const d = indexOf(plan, "duration_seconds");
  const durationOk = truth.columns.duration_seconds === null ? d === null : d !== null && alts("duration_seconds", truth.columns.duration_seconds).includes(d);
  const fmt = (f: MappableField) => {
    const i = indexOf(plan, f);
    return i === null ? "-" : String(i);
  };
  // One-subscriber logs name their parties as target + counterparty: shown only when mapped, so other rows read as before.
  const oneParty = `${target !== null ? ` tgt=${target}` : ""}${counterparty !== null ? ` cp=${counterparty}` : ""}`;
  const detected = plan
    ? `caller=${fmt("caller")} callee=${fmt("callee")}${oneParty} start=${fmt("start_time")}${indexOf(plan, "start_date") !== null ? `/date=${fmt("start_date")},clock=${fmt("start_clock")}` : ""} dur=${fmt("duration_seconds")}`
    : "no plan";
  return { partiesOk, startOk, durationOk, detected };
}

/** The reviewer's mapping, built from the truth. A file that states no zone gets UTC, as a reviewer would have to pick one. */
function truthMapping(truth: RealWorldTruth, plan: LayoutPlan | null): { mapping: MappingOverride; unresolved: string[] } {
  const at = resolver(plan);
  const unresolved: string[] = [];
  const columns: MappingOverride["columns"] = [];
  const add = (field: MappableField, col: Col | undefined, name: string) => {
    if (col === null || col === undefined) return;
    const index = at(col);
    if (index === null) {
      unresolved.push(`${name}=${String(col)}`);
      return;
    }
    if (columns.some((c) => c.index === index)) return;
    const format = (truth.formats[name] ?? null) as MappingOverride["columns"][number]["format"];
    columns.push({ index, field, format });
  };
  const c = truth.columns;
  // One-subscriber logs as a reviewer maps them: the other party is the counterparty and, where the
  // subscriber is a column (the truth's caller column of a subscriber-partner file), that column is the target.
  if (truth.parties === "partner-only") add("counterparty", c.counterparty, "counterparty");
  else if (truth.parties === "subscriber-partner") {
    add("target", c.caller, "caller");
    add("counterparty", c.callee, "callee");
  } else {
    add("caller", c.caller, "caller");
    add("callee", c.callee, "callee");
  }
  if (c.start_time !== null && typeof c.start_time === "object") {
    add("start_date", c.start_time.start_date, "start_date");
    add("start_clock", c.start_time.start_clock, "start_clock");
  } else add("start_time", c.start_time, "start_time");
  add("duration_seconds", c.duration_seconds, "duration_seconds");
  add("end_time", c.end_time, "end_time");
  add("direction", c.direction, "direction");
  add("record_type", c.record_type, "record_type");
  return {
    mapping: { columns, timezone: truth.timezone ?? "UTC", headerLine: truth.format === "json" ? undefined : truth.header_line },
    unresolved,
  };
}

export async function scoreRealWorld(db: Db, databaseUrl: string, dir = REAL_WORLD_DIR): Promise<RealWorldSummary> {
  const autoCase = await caseIdForName(db, "real-world auto");
  const truthCase = await caseIdForName(db, "real-world truth");
  const files: FileScore[] = [];
  for (const { file, truth } of loadRealWorldTruths(dir)) {
    const abs = path.join(dir, file);
    const auto = await ingest(db, databaseUrl, abs, autoCase, null, "auto");
    const j = judge(truth, auto.plan);
    // JSON truth columns are named like the extractor's columns; the automatic run's plan lists them.
    const { mapping, unresolved } = truthMapping(truth, auto.plan);
    const withTruth = await ingest(db, databaseUrl, abs, truthCase, mapping, "truth");
    const errors = await db.ingestionError.groupBy({ by: ["code"], where: { jobId: withTruth.jobId }, _count: { _all: true } });
    const rowErrors: Record<string, number> = {};
    for (const e of errors) rowErrors[e.code] = e._count._all;
    files.push({
      file,
      kind: truth.kind,
      status: auto.status,
      errorCode: auto.errorCode,
      reviewReasons: auto.plan?.needsReview ? auto.plan.reviewReasons : [],
      autoLoaded: auto.loaded,
      ...j,
      coreOk: j.partiesOk && j.startOk && j.durationOk,
      truthStatus: withTruth.status,
      truthErrorCode: withTruth.errorCode,
      truthLoaded: withTruth.loaded,
      loadable: truth.loadable_rows,
      truthShare: truth.loadable_rows === 0 ? 1 : Math.min(1, withTruth.loaded / truth.loadable_rows),
      rowErrors,
      unresolved,
    });
  }
  const loadableRows = files.reduce((s, f) => s + f.loadable, 0);
  const loadedRows = files.reduce((s, f) => s + Math.min(f.truthLoaded, f.loadable), 0);
  return {
    files,
    kinds: new Set(files.map((f) => f.kind)).size,
    coreShare: files.length ? files.filter((f) => f.coreOk).length / files.length : 0,
    loadedRows,
    loadableRows,
    rowShare: loadableRows ? loadedRows / loadableRows : 0,
    meanFileShare: files.length ? files.reduce((s, f) => s + f.truthShare, 0) / files.length : 0,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The per-file table, the failure causes by count and the totals, as printed to stderr. */
export function formatRealWorld(s: RealWorldSummary): string {
  const lines: string[] = [];
  const w = Math.max(...s.files.map((f) => f.file.length), 4);
  lines.push(`${"file".padEnd(w)}  auto-status    P S D  core  detected (column indexes)                       | truth-mapping loaded/loadable  row errors`);
  for (const f of s.files) {
    const mark = (b: boolean) => (b ? "✓" : "✗");
    const errs = Object.entries(f.rowErrors)
      .map(([k, v]) => `${k}×${v}`)
      .join(" ");
    const st = f.errorCode ? `${f.status}(${f.errorCode})` : f.status;
    const tst = f.truthErrorCode ? ` [${f.truthStatus}: ${f.truthErrorCode}]` : "";
    lines.push(
      `${f.file.padEnd(w)}  ${st.padEnd(13)}  ${mark(f.partiesOk)} ${mark(f.startOk)} ${mark(f.durationOk)}  ${(f.coreOk ? "yes" : "no").padEnd(4)}  ${f.detected.padEnd(46)} | ${`${f.truthLoaded}/${f.loadable}`.padEnd(9)} ${pct(f.truthShare).padStart(6)}${tst}  ${errs}${f.unresolved.length ? `  unresolved: ${f.unresolved.join(",")}` : ""}`,
    );
  }
  // Failure causes, by number of files they hit.
  const causes = new Map<string, number>();
  const bump = (k: string) => causes.set(k, (causes.get(k) ?? 0) + 1);
  for (const f of s.files) {
    if (f.errorCode) bump(`auto: job failed (${f.errorCode})`);
    else if (f.status === "needs_review") bump("auto: sent to review");
    if (!f.partiesOk) bump("auto: parties on the wrong columns");
    if (!f.startOk) bump("auto: start time on the wrong column");
    if (!f.durationOk) bump("auto: duration on the wrong column");
    if (f.unresolved.length) bump("truth: a party/time column is not addressable (JSON array path)");
    if (f.truthErrorCode) bump(`truth: job failed (${f.truthErrorCode})`);
    for (const code of Object.keys(f.rowErrors)) bump(`truth: rows rejected as ${code}`);
  }
  lines.push("", "failure causes (files affected):");
  for (const [k, v] of [...causes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) lines.push(`  ${String(v).padStart(3)}  ${k}`);
  const rowCodes = new Map<string, number>();
  for (const f of s.files) for (const [k, v] of Object.entries(f.rowErrors)) rowCodes.set(k, (rowCodes.get(k) ?? 0) + v);
  lines.push("", "rejected rows by code (truth mapping): " + ([...rowCodes].map(([k, v]) => `${k}=${v}`).join(", ") || "none"));
  lines.push(
    "",
    `files: ${s.files.length} of ${s.kinds} kinds`,
    `automatic: core columns (caller, callee, start, duration) right in ${s.files.filter((f) => f.coreOk).length}/${s.files.length} files = ${pct(s.coreShare)}; loaded without help: ${s.files.filter((f) => f.status === "completed" && f.autoLoaded > 0).length} files`,
    `truth mapping: ${s.loadedRows}/${s.loadableRows} loadable rows loaded = ${pct(s.rowShare)} (mean per file ${pct(s.meanFileShare)}; files fully loaded: ${s.files.filter((f) => f.truthShare >= 0.99).length})`,
  );
  return lines.join("\n");
}
