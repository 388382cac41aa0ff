"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { CaseDto, CaseMemberDto } from "@/lib/schemas/case";
import { useCaseMembers, useRemoveCaseMember } from "@/lib/client/use-cases";
import { useSession } from "@/lib/client/use-session";
import { CaseMemberAddForm } from "./case-member-add-form";
import { CaseMemberRole } from "./case-member-role";
import { ConfirmDialog } from "./confirm-dialog";
import { DataTable, type Column } from "./data-table";
import { QueryState } from "./query-state";
import { formatDateTime } from "@/lib/client/format";

/** Who works on the case. Its creator and admins add, re-role and remove members; everyone else reads. */
export function CaseMembers({ theCase }: { theCase: CaseDto }) {
  const router = useRouter();
  const me = useSession().data?.user;
  const members = useCaseMembers(theCase.id);
  const { data } = members;
  const remove = useRemoveCaseMember(theCase.id);
  const [removing, setRemoving] = useState<CaseMemberDto | null>(null);
  const removingSelf = removing?.userId === me?.id;
  const columns: Column<CaseMemberDto>[] = [
    {
      key: "name",
      header: "Name",
      cell: (m) => (
        <>
          {m.name}
          {m.userId === me?.id && <span className="muted"> (you)</span>}
          {m.userId === theCase.createdBy && <span className="muted"> · creator</span>}
        </>
      ),
    },
    { key: "email", header: "E-mail", cell: (m) => m.email },
    { key: "role", header: "Role", cell: (m) => <CaseMemberRole value={m} theCase={theCase} /> },
    { key: "added", header: "Added", cell: (m) => formatDateTime(m.addedAt) },
  ];
  return (
    <section className="card" aria-labelledby="members-title">
      <div className="card-header">
        <h2 id="members-title">Members{data && <span className="muted"> · {data.members.length}</span>}</h2>
        {!theCase.canManage && (
          <span className="muted" data-testid="members-read-only">
            Only the case’s creator or an admin can change its members.
          </span>
        )}
      </div>
      {theCase.canManage && <CaseMemberAddForm caseId={theCase.id} />}
      <QueryState query={members} loading="Loading members…" retry isEmpty={(d) => d.members.length === 0} empty="No members: only admins see this case.">
        {(d) => (
          <DataTable
            columns={columns}
            rows={d.members}
            rowKey={(m) => m.userId}
            rowProps={(m) => ({ "data-testid": "member-row", "data-email": m.email })}
            actions={
              theCase.canManage
                ? {
                    cell: (m) => (
                      <button type="button" className="btn btn-small btn-danger" onClick={() => setRemoving(m)} aria-label={`Remove ${m.email} from the case`}>
                        Remove
                      </button>
                    ),
                  }
                : undefined
            }
          />
        )}
      </QueryState>
      <ConfirmDialog
        open={removing !== null}
        title={removingSelf ? "Leave this case?" : `Remove ${removing?.name ?? ""} from the case?`}
        confirmLabel={removingSelf ? "Leave case" : "Remove member"}
        busy={remove.isPending}
        error={remove.error?.message ?? null}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.userId, {
            onSuccess: () => {
              setRemoving(null);
              if (removingSelf && me?.role !== "admin") router.replace("/cases");
            },
          })
        }
        onClose={() => {
          remove.reset();
          setRemoving(null);
        }}
      >
        {removingSelf
          ? "You will no longer see its files, records or contacts, unless someone adds you again."
          : `${removing?.email ?? ""} no longer sees the case’s files, records or contacts. What they loaded stays in the case.`}
      </ConfirmDialog>
    </section>
  );
}
