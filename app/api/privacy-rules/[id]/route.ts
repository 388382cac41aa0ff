import { audit } from "@/lib/auth/audit";
import { AppError } from "@/lib/app-error";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const DELETE = route<{ id: string }>(async ({ params, runtime, user }) => {
  const { count } = await runtime.db.privacyRule.deleteMany({ where: { id: params.id } });
  if (count === 0) throw new AppError("not_found", "There is no such rule.");
  await audit(runtime.db, user, "rule.delete", { type: "privacy_rule", id: params.id });
  return null;
}, "admin");
