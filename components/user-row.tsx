"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ROLES, roleSchema } from "@/lib/auth/roles";
import { adminApi } from "@/lib/client/admin-api";
import type { UserDto } from "@/lib/schemas/responses";
import { formatDateTime } from "@/lib/client/format";
import { queryKeys } from "@/lib/client/query-keys";

/** One user: the role changes on select; a new password is typed inline and set with a button. */
export function UserRow({ user, isSelf, onDelete }: { user: UserDto; isSelf: boolean; onDelete: () => void }) {
  const qc = useQueryClient();
  const [password, setPassword] = useState("");
  const update = useMutation({
    mutationFn: (patch: Parameters<typeof adminApi.updateUser>[1]) => adminApi.updateUser(user.id, patch),
    onSuccess: () => { setPassword(""); void qc.invalidateQueries({ queryKey: queryKeys.users.all }); },
  });
  return (
    <tr data-testid="user-row" data-email={user.email}>
      <td>{user.name}{isSelf && <span className="muted"> (you)</span>}</td>
      <td>{user.email}</td>
      <td>
        <select aria-label={`Role of ${user.email}`} className="input" value={user.role} disabled={isSelf || update.isPending}
          onChange={(e) => update.mutate({ role: roleSchema.parse(e.target.value) })}>
          {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
        </select>
      </td>
      <td>
        <form className="row-actions" onSubmit={(e) => { e.preventDefault(); update.mutate({ password }); }}>
          <input type="password" className="input" aria-label={`New password for ${user.email}`} placeholder="New password" minLength={10} required value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" />
          <button type="submit" className="btn btn-small" disabled={update.isPending}>Reset</button>
        </form>
        {update.error && <p className="alert" role="alert">{update.error.message}</p>}
        {update.isSuccess && <span className="ok-note" role="status">Saved</span>}
      </td>
      <td>{formatDateTime(user.createdAt)}</td>
      <td><button type="button" className="btn btn-small btn-danger" disabled={isSelf} onClick={onDelete} aria-label={`Delete ${user.email}`}>Delete</button></td>
    </tr>
  );
}
