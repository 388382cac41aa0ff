import crypto from "node:crypto";
import type { Db } from "../db/prisma";
import { AppError } from "../app-error";

/** Privacy rules (mask or suppress a number or prefix on load). */
const toRuleDto = (r: { id: string; pattern: string; kind: string; action: string; note: string | null; createdAt: Date }) => ({ ...r, createdAt: r.createdAt.toISOString() });

export async function listPrivacyRules(db: Db) {
  return (await db.privacyRule.findMany({ orderBy: { createdAt: "desc" } })).map(toRuleDto);
}

export async function createPrivacyRule(db: Db, input: { pattern: string; kind: string; action: string; note?: string | undefined }) {
  const rule = await db.privacyRule.create({ data: { id: crypto.randomUUID(), pattern: input.pattern.replace(/[^\d]/g, ""), kind: input.kind, action: input.action, note: input.note ?? null } });
  return toRuleDto(rule);
}

export async function deletePrivacyRule(db: Db, id: string): Promise<void> {
  const { count } = await db.privacyRule.deleteMany({ where: { id } });
  if (count === 0) throw new AppError("not_found", "There is no such rule.");
}
