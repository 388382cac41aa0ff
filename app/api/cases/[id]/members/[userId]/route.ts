import { z } from "zod";
import { removeMember } from "@/lib/data/cases";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** Removes a member (the case's creator or an admin); their open pages lose the case at once. */
export const DELETE = route(
  {
    params: z.object({ id: z.string(), userId: z.string() }), caseAccess: "case",
    audit: ({ access, params }) => ({ action: "case.member.remove", subject: { type: "case", id: String(access?.caseId ?? "") }, detail: { userId: params.userId } }),
  },
  async ({ runtime, user, access, params }) => {
    await removeMember(runtime.db, user, access!.caseId, params.userId);
    runtime.events.casesChanged([params.userId], access!.caseId);
    return null;
  },
);
