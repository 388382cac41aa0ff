"use client";

import type { AuditFilter } from "@/lib/client/query-keys";
import { AUDIT_ACTIONS } from "@/lib/schemas/audit-actions";

/** Action, e-mail and day range of the audit log; "Failed sign-ins" is one click. */
export function AuditFilters({ value, onChange }: { value: AuditFilter; onChange: (next: AuditFilter) => void }) {
  const set = (k: keyof AuditFilter) => (e: { target: { value: string } }) => onChange({ ...value, [k]: e.target.value || undefined });
  return (
    <div className="filters" role="group" aria-label="Filter audit events">
      <label className="field">
        <span>Action</span>
        <select value={value.action ?? ""} onChange={set("action")}>
          <option value="">All actions</option>
          {Object.entries(AUDIT_ACTIONS).map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>E-mail contains</span>
        <input type="search" value={value.email ?? ""} onChange={set("email")} placeholder="name@…" />
      </label>
      <label className="field">
        <span>From</span>
        <input type="date" value={value.from ?? ""} onChange={set("from")} />
      </label>
      <label className="field">
        <span>To</span>
        <input type="date" value={value.to ?? ""} onChange={set("to")} />
      </label>
      <button
        type="button"
        className="btn btn-small"
        aria-pressed={value.action === "auth.sign_in_failed"}
        onClick={() => onChange({ ...value, action: value.action === "auth.sign_in_failed" ? undefined : "auth.sign_in_failed" })}
      >
        Failed sign-ins
      </button>
      {(value.action || value.email || value.from || value.to) && (
        <button type="button" className="btn btn-small" onClick={() => onChange({})}>
          Clear filters
        </button>
      )}
    </div>
  );
}
