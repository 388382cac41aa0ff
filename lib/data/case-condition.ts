import { Prisma } from "../../generated/prisma-sqlite/client";
import type { CaseScope } from "./case-access";

/**
 * A case scope as SQL on a case id column: one case, a list (an empty list matches nothing), or
 * every case (admins). `column` names it when a join makes `case_id` ambiguous (a trusted
 * identifier written here, never user input).
 */
export function caseCondition(scope: CaseScope, column: "case_id" | "g.case_id" | "r.case_id" = "case_id"): Prisma.Sql {
  const c = scope.caseId;
  const col = Prisma.raw(column);
  if (c === undefined) return Prisma.sql`1 = 1`;
  if (typeof c === "number") return Prisma.sql`${col} = ${c}`;
  if (c.in.length === 0) return Prisma.sql`1 = 0`;
  return Prisma.sql`${col} IN (${Prisma.join(c.in)})`;
}
