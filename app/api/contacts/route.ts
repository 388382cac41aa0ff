import { z } from "zod";
import { listContacts } from "@/lib/data/contacts";
import { caseScopeQuerySchema } from "@/lib/schemas/case";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const querySchema = caseScopeQuerySchema.extend({
  target: z.string().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});

/** Contacts of the case's targets (or of every case the user may see), counted within each case. */
export const GET = route({ query: querySchema, caseAccess: "scope" }, async ({ runtime, query, scope }) => listContacts(runtime.db, scope, query));
