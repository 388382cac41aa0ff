import { createPrivacyRule, listPrivacyRules } from "@/lib/data/privacy-rules";
import { privacyRuleInputSchema } from "@/lib/schemas/admin";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const GET = route({ role: "admin" }, async ({ runtime }) => ({ rules: await listPrivacyRules(runtime.db) }));

/** Rules apply to files loaded from now on (masking happens on load, before hashing). */
export const POST = route(
  {
    role: "admin",
    body: privacyRuleInputSchema,
    status: 201,
    audit: ({ body }, result) => ({ action: "rule.create", subject: { type: "privacy_rule", id: (result as { rule: { id: string } }).rule.id }, detail: body }),
  },
  async ({ runtime, body }) => ({ rule: await createPrivacyRule(runtime.db, body) }),
);
