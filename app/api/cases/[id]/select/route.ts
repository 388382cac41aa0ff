import { rememberCase } from "@/lib/data/cases";
import { idParams, route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** Remembers the case as the user's current one (the switcher's default, and where uploads without a case go). */
export const POST = route({ params: idParams, caseAccess: "case" }, async ({ runtime, user, access }) => {
  await rememberCase(runtime.db, user.id, access!.caseId);
  return null;
});
