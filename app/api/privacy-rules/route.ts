import crypto from "node:crypto";
import { audit } from "@/lib/auth/audit";
import { privacyRuleInputSchema } from "@/lib/schemas/admin";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const dto = (r: { id: string; pattern: string; kind: string; action: string; note: string | null; createdAt: Date }) => ({ ...r, createdAt: r.createdAt.toISOString() });

export const GET = route(async ({ runtime }) => ({ rules: (await runtime.db.privacyRule.findMany({ orderBy: { createdAt: "desc" } })).map(dto) }), "admin");

/** Rules apply to files loaded from now on (masking happens on load, before hashing). */
export const POST = route(async ({ req, runtime, user }) => {
  const input = privacyRuleInputSchema.parse(await req.json());
  const rule = await runtime.db.privacyRule.create({ data: { id: crypto.randomUUID(), pattern: input.pattern.replace(/[^\d]/g, ""), kind: input.kind, action: input.action, note: input.note ?? null } });
  await audit(runtime.db, user, "rule.create", { type: "privacy_rule", id: rule.id }, input);
  return Response.json({ rule: dto(rule) }, { status: 201 });
}, "admin");
