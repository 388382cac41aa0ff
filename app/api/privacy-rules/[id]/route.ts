import { deletePrivacyRule } from "@/lib/data/privacy-rules";
import { idParams, route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const DELETE = route(
  { role: "admin", params: idParams, audit: ({ params }) => ({ action: "rule.delete", subject: { type: "privacy_rule", id: params.id } }) },
  async ({ params, runtime }) => {
    await deletePrivacyRule(runtime.db, params.id);
    return null;
  },
);
