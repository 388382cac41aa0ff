import type { Db } from "../db/prisma";
import type { CaseScope } from "./case-access";
import type { ContactListResponse } from "../schemas/responses";

/** Contacts (who a target talks to, counted once per call) of the targets in the scope's case(s). */
export async function listContacts(db: Db, scope: CaseScope, q: { target?: string | undefined; kind?: string | undefined; page: number; pageSize: number }): Promise<ContactListResponse> {
  const all = { ...scope, ...(q.target ? { target: q.target } : {}) };
  // Phone-number contacts are stored without a kind (the records' e164 is implied): null is e164.
  const where = { ...all, ...(q.kind === "e164" ? { OR: [{ kind: null }, { kind: "e164" }] } : q.kind ? { kind: q.kind } : {}) };
  const [contacts, total, byKind] = await Promise.all([
    db.contact.findMany({ where, orderBy: [{ calls: "desc" }, { messages: "desc" }, { id: "asc" }], skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
    db.contact.count({ where }),
    db.contact.groupBy({ by: ["kind"], where: all, _count: { _all: true } }),
  ]);
  const kinds: Record<string, number> = {};
  for (const g of byKind) kinds[g.kind ?? "e164"] = (kinds[g.kind ?? "e164"] ?? 0) + g._count._all;
  return { contacts: contacts.map((c) => ({ ...c, kind: c.kind ?? "e164" })), total, kinds };
}
