import type { Db } from "../db/prisma";
import type { CaseScope } from "./case-access";
import type { ContactListResponse } from "../schemas/responses";

/** Contacts (who a target talks to, counted once per call) of the targets in the scope's case(s). */
export async function listContacts(db: Db, scope: CaseScope, q: { target?: string | undefined; page: number; pageSize: number }): Promise<ContactListResponse> {
  const where = { ...scope, ...(q.target ? { target: q.target } : {}) };
  const [contacts, total] = await Promise.all([
    db.contact.findMany({ where, orderBy: [{ calls: "desc" }, { messages: "desc" }, { id: "asc" }], skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
    db.contact.count({ where }),
  ]);
  return { contacts, total };
}
