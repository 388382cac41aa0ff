import { listContacts } from "@/lib/data/contacts";
import { contactListQuerySchema } from "@/lib/schemas/queries";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** Contacts of the case's targets (or of every case the user may see), counted within each case. */
export const GET = route({ query: contactListQuerySchema, caseAccess: "scope" }, async ({ runtime, query, scope }) => listContacts(runtime.db, scope, query));
