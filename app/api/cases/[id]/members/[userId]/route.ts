import { removeMember } from "@/lib/data/cases";
import { caseMemberParamsSchema } from "@/lib/schemas/queries";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** Removes a member (the case's creator or an admin); their open pages lose the case at once. */
export const DELETE = route(
  {
    params: caseMemberParamsSchema,
    caseAccess: "case",
    audit: ({ access, params }) => ({ action: "case.member.remove", subject: { type: "case", id: String(access?.caseId ?? "") }, detail: { userId: params.userId } }),
  },
  async ({ runtime, user, access, params }) => {
    await removeMember(runtime.db, user, access!.caseId, params.userId);
    await runtime.events.casesChanged([params.userId], access!.caseId); // their sockets leave the case and its jobs' rooms
    return null;
  },
);
