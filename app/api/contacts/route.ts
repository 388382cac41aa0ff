import { z } from "zod";
import { listContacts } from "@/lib/data/contacts";
import { caseScopeQuerySchema } from "@/lib/schemas/case";
import { partyKindSchema } from "@/lib/schemas/fields";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const querySchema = caseScopeQuerySchema.extend({
  target: z.string().optional(),
  /** Only contacts of this party kind (e164, extension, service, withheld, …). */
  kind: partyKindSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});

/** Contacts of the case's targets (or of every case the user may see), counted within each case. */
export const GET = route({ query: querySchema, caseAccess: "scope" }, async ({ runtime, query, scope }) => listContacts(runtime.db, scope, query));
