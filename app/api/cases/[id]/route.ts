import { deleteCase, getCase, memberIds, updateCase } from "@/lib/data/cases";
import { updateCaseBodySchema } from "@/lib/schemas/case";
import { idParams, route } from "@/lib/server/route";
import { isStoredUpload, removeUpload } from "@/lib/storage/upload-store";

export const dynamic = "force-dynamic";

const caseSubject = (id: number | undefined) => ({ type: "case", id: String(id ?? "") });

export const GET = route({ params: idParams, caseAccess: "case" }, async ({ runtime, user, access }) => ({ case: await getCase(runtime.db, user, access!.caseId) }));

/** Rename or re-describe the case (its creator or an admin). */
export const PATCH = route(
  {
    params: idParams,
    caseAccess: "case",
    body: updateCaseBodySchema,
    audit: ({ access, body }) => ({ action: "case.update", subject: caseSubject(access?.caseId), detail: body }),
  },
  async ({ runtime, user, access, body }) => {
    const updated = await updateCase(runtime.db, user, access!.caseId, body);
    runtime.events.casesChanged(await memberIds(runtime.db, access!.caseId));
    return { case: updated };
  },
);

/** Deletes the case and everything in it: jobs, records, errors, contacts, gaps, stored uploads. */
export const DELETE = route(
  { params: idParams, caseAccess: "case", audit: ({ access }) => ({ action: "case.delete", subject: caseSubject(access?.caseId) }) },
  async ({ runtime, user, access }) => {
    const caseId = access!.caseId;
    const members = await memberIds(runtime.db, caseId);
    const { storedPaths } = await deleteCase(runtime.db, user, caseId);
    await Promise.all(storedPaths.filter((p) => isStoredUpload(p)).map((p) => removeUpload(p)));
    await runtime.events.casesChanged(members, caseId);
    return null;
  },
);
