"use client";

import type { CaseDto, CaseMemberDto } from "@/lib/schemas/case";
import { CASE_ROLES, caseRoleSchema } from "@/lib/schemas/case";
import { useAddCaseMember } from "@/lib/client/use-cases";

/** A member's role in the case: a select for managers, plain text for everyone else. */
export function CaseMemberRole({ value: m, theCase }: { value: CaseMemberDto; theCase: CaseDto }) {
  // Adding someone already in the case changes their role.
  const change = useAddCaseMember(theCase.id);
  return (
    <>
      {theCase.canManage ? (
        <select
          aria-label={`Role of ${m.email} in the case`}
          className="input"
          value={m.role}
          disabled={change.isPending}
          onChange={(e) => change.mutate({ email: m.email, role: caseRoleSchema.parse(e.target.value) })}
        >
          {CASE_ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      ) : (
        <span>{m.role}</span>
      )}
      {change.error && (
        <p className="alert" role="alert">
          {change.error.message}
        </p>
      )}
    </>
  );
}
