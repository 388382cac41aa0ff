import { Prisma } from "../../generated/prisma-sqlite/client";
import type { Db } from "../db/prisma";
import { DEFAULT_GAP_THRESHOLD, type GapThresholdRule } from "../ingest/timeline-gaps";
import type { CaseGapsResponse, GapThresholdDto } from "../schemas/analytics";
import { AppError } from "../app-error";
import type { CaseAccess, CaseScope } from "./case-access";
import { caseCondition } from "./case-condition";
import { listTargets } from "./records";

/**
 * Which of the stored candidate silences (timeline_gaps: every one of an hour or more, with its
 * ratio) are reported: those meeting the target's threshold in its case (gap_thresholds), or the
 * default (24 h and 8×) when the analyst set none. Applied in SQL when reading — the same SQL on
 * SQLite and PostgreSQL — so a new threshold shows at once, without reloading any file.
 */

/** One reported silence, with the case and target it belongs to. */
export interface ReportedGap {
  caseId: number;
  target: string;
  from: string;
  to: string;
  seconds: number;
  ratio: number;
}

interface GapRow {
  case_id: number | bigint;
  target: string;
  from_time: string;
  to_time: string;
  seconds: number | bigint;
  ratio: number;
}

/**
 * The reported gaps in `scope` (optionally of one target), in target then time order. One read
 * of timeline_gaps over its (case_id, target) index, each row joined to its threshold row.
 */
export async function reportedGaps(db: Db, scope: CaseScope, target?: string): Promise<ReportedGap[]> {
  const rows = await db.$queryRaw<GapRow[]>`
    SELECT g.case_id, g.target, g.from_time, g.to_time, g.seconds, g.ratio
    FROM timeline_gaps g
    LEFT JOIN gap_thresholds t ON t.case_id = g.case_id AND t.target = g.target
    WHERE ${caseCondition(scope, "g.case_id")} AND ${target === undefined ? Prisma.sql`g.target <> ''` : Prisma.sql`g.target = ${target}`}
      AND g.seconds >= COALESCE(t.min_seconds, ${DEFAULT_GAP_THRESHOLD.minSeconds})
      AND g.ratio >= COALESCE(t.min_ratio, ${DEFAULT_GAP_THRESHOLD.minRatio})
    ORDER BY g.target, g.from_time, g.id`;
  return rows.map((r) => ({ caseId: Number(r.case_id), target: r.target, from: r.from_time, to: r.to_time, seconds: Number(r.seconds), ratio: Number(r.ratio) }));
}

/** The case roles whose members may change the case's analysis settings; a role added later (read-only, say) may not until listed here. */
const ANALYSIS_EDIT_ROLES: ReadonlySet<string> = new Set(["analyst", "reviewer"]);

/**
 * Refuses a change to the case's analysis settings (its gap thresholds) unless the user is a member
 * with an editing role, or an admin (role null: an admin who is not a member). Read-only API tokens
 * never get here (lib/server/route.ts refuses their writes).
 */
export function requireAnalysisEdit(access: CaseAccess | null): void {
  const may = access !== null && (access.role === null ? access.canManage : ANALYSIS_EDIT_ROLES.has(access.role));
  if (!may) throw new AppError("forbidden", "Changing the case's gap thresholds needs the analyst or reviewer role in this case.");
}

/** A target's threshold in a case: the analyst's, or the default (isDefault). */
export async function gapThreshold(db: Db, caseId: number, target: string): Promise<GapThresholdDto> {
  const row = await db.gapThreshold.findUnique({ where: { caseId_target: { caseId, target } } });
  return row ? toDto(row) : defaultThreshold(target);
}

/** Sets a target's threshold in a case (replacing any earlier one); `userId` is kept as who set it last. */
export async function setGapThreshold(db: Db, caseId: number, target: string, rule: GapThresholdRule, userId: string | null): Promise<GapThresholdDto> {
  const data = { minSeconds: rule.minSeconds, minRatio: rule.minRatio, updatedBy: userId };
  const row = await db.gapThreshold.upsert({ where: { caseId_target: { caseId, target } }, create: { caseId, target, ...data }, update: data });
  return toDto(row);
}

/** Returns a target to the default threshold. */
export async function resetGapThreshold(db: Db, caseId: number, target: string): Promise<GapThresholdDto> {
  await db.gapThreshold.deleteMany({ where: { caseId, target } });
  return defaultThreshold(target);
}

/**
 * Gaps across files of every target of the case, each under its target's threshold, and the
 * threshold of every target (the case's targets, and any target a threshold was set for).
 */
export async function caseGaps(db: Db, caseId: number): Promise<CaseGapsResponse> {
  const [gaps, targets, set] = await Promise.all([reportedGaps(db, { caseId }), listTargets(db, { caseId }), db.gapThreshold.findMany({ where: { caseId } })]);
  const byTarget = new Map(set.map((t) => [t.target, toDto(t)]));
  const names = [...new Set([...targets, ...byTarget.keys()])].sort();
  return {
    gaps: gaps.map(({ caseId: _caseId, ...g }) => g),
    thresholds: names.map((t) => byTarget.get(t) ?? defaultThreshold(t)),
  };
}

const defaultThreshold = (target: string): GapThresholdDto => ({ target, ...DEFAULT_GAP_THRESHOLD, isDefault: true, updatedAt: null });

function toDto(row: { target: string; minSeconds: number; minRatio: number; updatedAt: Date }): GapThresholdDto {
  return { target: row.target, minSeconds: row.minSeconds, minRatio: row.minRatio, isDefault: false, updatedAt: row.updatedAt.toISOString() };
}
