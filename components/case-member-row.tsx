"use client";

import type { CaseDto, CaseMemberDto } from "@/lib/schemas/case";
import { CASE_ROLES, caseRoleSchema } from "@/lib/schemas/case";
import { formatDateTime } from "@/lib/client/format";
import { useAddCaseMember } from "@/lib/client/use-cases";

/** One member: their role (changeable by managers) and a remove button. */
export function CaseMemberRow({ value: m, theCase, isSelf, onRemove }: { value: CaseMemberDto; theCase: CaseDto; isSelf: boolean; onRemove: () => void }) {
  // Adding someone already in the case changes their role.
  const change = useAddCaseMember(theCase.id);
  const isCreator = m.userId === theCase.createdBy;
  return (
    <tr data-testid="member-row" data-email={m.email}>
      <td>
        {m.name}
        {isSelf && <span className="muted"> (you)</span>}
        {isCreator && <span className="muted"> · creator</span>}
      </td>
      <td>{m.email}</td>
      <td>
        {theCase.canManage ? (
          <select
            aria-label={`Role of ${m.email} in the case`}
            className="input"
            value={m.role}
            disabled={change.isPending}
            onChange={(e) => change.mutate({ email: m.email, role: caseRoleSchema.parse(e.target.value) })}
          >
            {CASE_ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
          </select>
        ) : (
          <span>{m.role}</span>
        )}
        {change.error && <p className="alert" role="alert">{change.error.message}</p>}
      </td>
      <td>{formatDateTime(m.addedAt)}</td>
      {theCase.canManage && (
        <td>
          <button type="button" className="btn btn-small btn-danger" onClick={onRemove} aria-label={`Remove ${m.email} from the case`}>
            Remove
          </button>
        </td>
      )}
    </tr>
  );
}
