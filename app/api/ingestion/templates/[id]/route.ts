import { deleteTemplate, updateTemplate } from "@/lib/data/templates";
import { templateUpdateSchema } from "@/lib/schemas/admin";
import { idParams, route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** Edits a template; every edit is a new version. */
export const PATCH = route(
  {
    role: "reviewer",
    params: idParams,
    body: templateUpdateSchema,
    audit: ({ params, body }) => ({ action: "template.update", subject: { type: "template", id: params.id }, detail: body }),
  },
  async ({ params, runtime, body }) => ({ template: await updateTemplate(runtime.db, params.id, body) }),
);

export const DELETE = route(
  { role: "reviewer", params: idParams, audit: ({ params }) => ({ action: "template.delete", subject: { type: "template", id: params.id } }) },
  async ({ params, runtime }) => {
    await deleteTemplate(runtime.db, params.id);
    return null;
  },
);
