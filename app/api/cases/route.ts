import { createCase, listCases } from "@/lib/data/cases";
import { createCaseBodySchema } from "@/lib/schemas/case";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** The cases the user belongs to (admins: every case), with counts, and the one they last used. */
export const GET = route({}, async ({ runtime, user }) => listCases(runtime.db, user));

/** A new case; its creator is its first member. */
export const POST = route(
  {
    body: createCaseBodySchema,
    status: 201,
    audit: ({ body }, result) => ({ action: "case.create", subject: { type: "case", id: String((result as { case: { id: number } }).case.id) }, detail: { name: body.name } }),
  },
  async ({ runtime, user, body }) => ({ case: await createCase(runtime.db, user, body) }),
);
