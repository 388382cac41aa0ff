"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { CaseDto, CaseMemberDto } from "@/lib/schemas/case";
import { useCaseMembers, useRemoveCaseMember } from "@/lib/client/use-cases";
import { useSession } from "@/lib/client/use-session";
import { CaseMemberAddForm } from "./case-member-add-form";
import { CaseMemberRow } from "./case-member-row";
import { ConfirmDialog } from "./confirm-dialog";

/** Who works on the case. Its creator and admins add, re-role and remove members; everyone else reads. */
export function CaseMembers({ theCase }: { theCase: CaseDto }) {
  const router = useRouter();
  const me = useSession().data?.user;
  const { data, error, isPending } = useCaseMembers(theCase.id);
  const remove = useRemoveCaseMember(theCase.id);
  const [removing, setRemoving] = useState<CaseMemberDto | null>(null);
  const removingSelf = removing?.userId === me?.id;
  return (
    <section className="card" aria-labelledby="members-title">
      <div className="card-header">
        <h2 id="members-title">Members{data && <span className="muted"> · {data.members.length}</span>}</h2>
        {!theCase.canManage && <span className="muted" data-testid="members-read-only">Only the case’s creator or an admin can change its members.</span>}
      </div>
      {theCase.canManage && <CaseMemberAddForm caseId={theCase.id} />}
      {error ? (
        <p className="card-body alert" role="alert">{error.message}</p>
      ) : isPending ? (
        <p className="card-body muted">Loading members…</p>
      ) : data.members.length === 0 ? (
        <p className="empty-note muted">No members: only admins see this case.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">E-mail</th>
                <th scope="col">Role</th>
                <th scope="col">Added</th>
                {theCase.canManage && <th scope="col"><span className="visually-hidden">Actions</span></th>}
              </tr>
            </thead>
            <tbody>
              {data.members.map((m) => (
                <CaseMemberRow key={m.userId} value={m} theCase={theCase} isSelf={m.userId === me?.id} onRemove={() => setRemoving(m)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
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
        onClose={() => { remove.reset(); setRemoving(null); }}
      >
        {removingSelf
          ? "You will no longer see its files, records or contacts, unless someone adds you again."
          : `${removing?.email ?? ""} no longer sees the case’s files, records or contacts. What they loaded stays in the case.`}
      </ConfirmDialog>
    </section>
  );
}
