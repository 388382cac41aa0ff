"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ROLES, roleSchema } from "@/lib/auth/roles";
import { adminApi } from "@/lib/client/admin-api";
import type { UserDto } from "@/lib/schemas/responses";
import { useSession } from "@/lib/client/use-session";
import { ConfirmDialog } from "./confirm-dialog";
import { DataTable, type Column } from "./data-table";
import { QueryState } from "./query-state";
import { UserPasswordCell, UserRoleCell } from "./user-cells";
import { formatDateTime } from "@/lib/client/format";
import { queryKeys } from "@/lib/client/query-keys";

const KEY = queryKeys.users.all;

function AddUserForm() {
  const qc = useQueryClient();
  const add = useMutation({ mutationFn: adminApi.addUser, onSuccess: () => void qc.invalidateQueries({ queryKey: KEY }) });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    add.mutate(
      { name: String(f.get("name")), email: String(f.get("email")), password: String(f.get("password")), role: roleSchema.catch("analyst").parse(f.get("role")) },
      { onSuccess: () => form.reset() },
    );
  };
  return (
    <form className="filters" onSubmit={submit} aria-label="Add a user">
      <label className="field">
        <span>Name</span>
        <input name="name" required autoComplete="off" />
      </label>
      <label className="field">
        <span>E-mail</span>
        <input name="email" type="email" required autoComplete="off" />
      </label>
      <label className="field">
        <span>Password</span>
        <input name="password" type="password" minLength={10} required autoComplete="new-password" />
      </label>
      <label className="field">
        <span>Role</span>
        <select name="role">
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="btn btn-primary" disabled={add.isPending}>
        {add.isPending ? "Adding…" : "Add user"}
      </button>
      {add.error && (
        <p className="alert" role="alert">
          {add.error.message}
        </p>
      )}
    </form>
  );
}

/** Users: add, change role, reset password, delete (never yourself). */
export function UsersAdmin() {
  const qc = useQueryClient();
  const me = useSession().data?.user;
  const users = useQuery({ queryKey: KEY, queryFn: adminApi.users });
  const [deleting, setDeleting] = useState<UserDto | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => adminApi.deleteUser(id),
    onSuccess: () => {
      setDeleting(null);
      void qc.invalidateQueries({ queryKey: KEY });
    },
  });
  const columns: Column<UserDto>[] = [
    {
      key: "name",
      header: "Name",
      cell: (u) => (
        <>
          {u.name}
          {u.id === me?.id && <span className="muted"> (you)</span>}
        </>
      ),
    },
    { key: "email", header: "E-mail", cell: (u) => u.email },
    { key: "role", header: "Role", cell: (u) => <UserRoleCell user={u} isSelf={u.id === me?.id} /> },
    { key: "password", header: "Password", cell: (u) => <UserPasswordCell user={u} /> },
    { key: "created", header: "Created", cell: (u) => formatDateTime(u.createdAt) },
  ];
  return (
    <section className="card" aria-label="Users">
      <AddUserForm />
      <QueryState query={users} retry>
        {(data) => (
          <DataTable
            columns={columns}
            rows={data.users}
            rowKey={(u) => u.id}
            rowProps={(u) => ({ "data-testid": "user-row", "data-email": u.email })}
            actions={{
              cell: (u) => (
                <button type="button" className="btn btn-small btn-danger" disabled={u.id === me?.id} onClick={() => setDeleting(u)} aria-label={`Delete ${u.email}`}>
                  Delete
                </button>
              ),
            }}
          />
        )}
      </QueryState>
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete ${deleting?.email ?? ""}?`}
        confirmLabel="Delete user"
        busy={remove.isPending}
        error={remove.error?.message ?? null}
        onConfirm={() => deleting && remove.mutate(deleting.id)}
        onClose={() => setDeleting(null)}
      >
        Their sessions end at once. Jobs they uploaded stay, without an owner.
      </ConfirmDialog>
    </section>
  );
}
