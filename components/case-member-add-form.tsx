"use client";

import type { FormEvent } from "react";
import { CASE_ROLES, caseRoleSchema } from "@/lib/schemas/case";
import { useAddCaseMember } from "@/lib/client/use-cases";

export const CASE_ROLE_HINTS = {
  analyst: "loads files and works with the records",
  reviewer: "also confirms uncertain mappings",
} as const;

/** Adds a colleague by e-mail, as an analyst or a reviewer of the case. */
export function CaseMemberAddForm({ caseId }: { caseId: number }) {
  const add = useAddCaseMember(caseId);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    add.mutate({ email: String(f.get("email") ?? "").trim(), role: caseRoleSchema.catch("analyst").parse(f.get("role")) }, { onSuccess: () => form.reset() });
  };
  return (
    <form className="filters" onSubmit={submit} aria-label="Add a member">
      <label className="field">
        <span>E-mail</span>
        <input name="email" type="email" required autoComplete="off" placeholder="colleague@agency.gov" />
      </label>
      <label className="field">
        <span>Role in the case</span>
        <select name="role" defaultValue="analyst">
          {CASE_ROLES.map((r) => (
            <option key={r} value={r}>
              {r} — {CASE_ROLE_HINTS[r]}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="btn btn-primary" disabled={add.isPending}>
        {add.isPending ? "Adding…" : "Add member"}
      </button>
      {add.isSuccess && (
        <span className="ok-note" role="status">
          Added {add.data.member.name}
        </span>
      )}
      {add.error && (
        <p className="alert" role="alert">
          {add.error.message}
        </p>
      )}
    </form>
  );
}
