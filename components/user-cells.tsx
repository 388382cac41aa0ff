"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ROLES, roleSchema } from "@/lib/auth/roles";
import { adminApi } from "@/lib/client/admin-api";
import type { UserDto } from "@/lib/schemas/responses";
import { queryKeys } from "@/lib/client/query-keys";

function useUpdateUser(user: UserDto, onSaved?: () => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: Parameters<typeof adminApi.updateUser>[1]) => adminApi.updateUser(user.id, patch),
    onSuccess: () => {
      onSaved?.();
      void qc.invalidateQueries({ queryKey: queryKeys.users.all });
    },
  });
}

/** A user's role: changes on select (never your own). */
export function UserRoleCell({ user, isSelf }: { user: UserDto; isSelf: boolean }) {
  const update = useUpdateUser(user);
  return (
    <>
      <select
        aria-label={`Role of ${user.email}`}
        className="input"
        value={user.role}
        disabled={isSelf || update.isPending}
        onChange={(e) => update.mutate({ role: roleSchema.parse(e.target.value) })}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      {update.error && (
        <p className="alert" role="alert">
          {update.error.message}
        </p>
      )}
      {update.isSuccess && (
        <span className="ok-note" role="status">
          Saved
        </span>
      )}
    </>
  );
}

/** A new password, typed inline and set with a button. */
export function UserPasswordCell({ user }: { user: UserDto }) {
  const [password, setPassword] = useState("");
  const update = useUpdateUser(user, () => setPassword(""));
  return (
    <>
      <form
        className="row-actions"
        onSubmit={(e) => {
          e.preventDefault();
          update.mutate({ password });
        }}
      >
        <input
          type="password"
          className="input"
          aria-label={`New password for ${user.email}`}
          placeholder="New password"
          minLength={10}
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="new-password"
        />
        <button type="submit" className="btn btn-small" disabled={update.isPending}>
          Reset
        </button>
      </form>
      {update.error && (
        <p className="alert" role="alert">
          {update.error.message}
        </p>
      )}
      {update.isSuccess && (
        <span className="ok-note" role="status">
          Saved
        </span>
      )}
    </>
  );
}
