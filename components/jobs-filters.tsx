"use client";

import { useQuery } from "@tanstack/react-query";
import { adminApi } from "@/lib/client/admin-api";
import { formatCarrier } from "@/lib/client/format";
import { useHasRole } from "@/lib/client/use-session";
import { CARRIERS } from "@/lib/schemas/fields";
import { JOB_STATUSES } from "@/lib/schemas/job";
import { STATUS_LABELS } from "./status-badge";
import { queryKeys } from "@/lib/client/query-keys";

export interface JobsFilterValues {
  status?: string | undefined;
  carrier?: string | undefined;
  userId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** Status, carrier, uploader (admins) and creation-date range of the dashboard. */
export function JobsFilters({ value, onChange }: { value: JobsFilterValues; onChange: (next: JobsFilterValues) => void }) {
  const isAdmin = useHasRole("admin");
  const users = useQuery({ queryKey: queryKeys.users.all, queryFn: adminApi.users, enabled: isAdmin });
  const set = (k: keyof JobsFilterValues) => (e: { target: { value: string } }) => onChange({ ...value, [k]: e.target.value || undefined });
  return (
    <div className="filters" role="group" aria-label="Filter jobs">
      <label className="field">
        <span>Status</span>
        <select value={value.status ?? ""} onChange={set("status")}>
          <option value="">All statuses</option>
          {JOB_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Carrier</span>
        <select value={value.carrier ?? ""} onChange={set("carrier")}>
          <option value="">All carriers</option>
          {CARRIERS.map((c) => (
            <option key={c} value={c}>
              {formatCarrier(c)}
            </option>
          ))}
        </select>
      </label>
      {isAdmin && (
        <label className="field">
          <span>Uploaded by</span>
          <select value={value.userId ?? ""} onChange={set("userId")}>
            <option value="">Everyone</option>
            {users.data?.users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({u.email})
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="field">
        <span>Created from</span>
        <input type="date" value={value.from ?? ""} onChange={set("from")} />
      </label>
      <label className="field">
        <span>Created to</span>
        <input type="date" value={value.to ?? ""} onChange={set("to")} />
      </label>
    </div>
  );
}
