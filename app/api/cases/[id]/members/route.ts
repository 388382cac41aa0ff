import { addMember, listMembers } from "@/lib/data/cases";
import { addMemberBodySchema } from "@/lib/schemas/case";
import { idParams, route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const GET = route({ params: idParams, caseAccess: "case" }, async ({ runtime, user, access }) => ({ members: await listMembers(runtime.db, user, access!.caseId) }));

/** Adds a user (by e-mail) to the case as analyst or reviewer — the case's creator or an admin; the new member sees the case at once. */
export const POST = route(
  {
    params: idParams,
    caseAccess: "case",
    body: addMemberBodySchema,
    status: 201,
    audit: ({ access, body }) => ({ action: "case.member.add", subject: { type: "case", id: String(access?.caseId ?? "") }, detail: body }),
  },
  async ({ runtime, user, access, body }) => {
    const member = await addMember(runtime.db, user, access!.caseId, body);
    runtime.events.casesChanged([member.userId]);
    return { member };
  },
);
