import { listTemplates } from "@/lib/data/templates";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** Every layout template, with its use count within the user's cases. */
export const GET = route({ role: "reviewer" }, async ({ runtime, user }) => ({ templates: await listTemplates(runtime.db, user) }));
