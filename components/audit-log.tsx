"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { adminApi } from "@/lib/client/admin-api";
import { formatDateTime } from "@/lib/client/format";
import { Pagination } from "./pagination";
import { queryKeys } from "@/lib/client/query-keys";

const PAGE_SIZE = 100;

export function AuditLog() {
  const [page, setPage] = useState(1);
  const { data, error, isPending, isFetching } = useQuery({ queryKey: queryKeys.audit.page(page), queryFn: () => adminApi.audit(page, PAGE_SIZE), placeholderData: keepPreviousData });
  if (error && !data) return <p className="alert" role="alert">{error.message}</p>;
  if (isPending) return <p className="muted">Loading…</p>;
  return (
    <section className="card" aria-label="Audit events" aria-busy={isFetching}>
      <div className="table-wrap">
        <table className="table">
          <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Subject</th><th scope="col">Detail</th></tr></thead>
          <tbody>
            {data.events.map((e) => (
              <tr key={e.id} data-testid="audit-row">
                <td>{formatDateTime(e.at)}</td>
                <td>{e.userEmail ?? "—"}</td>
                <td><code>{e.action}</code></td>
                <td>{e.subjectType ? `${e.subjectType} ${e.subjectId ?? ""}` : "—"}</td>
                <td><div className="raw">{e.detail ?? ""}</div></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={page} pageSize={PAGE_SIZE} total={data.total} onPage={setPage} label="Audit pages" />
    </section>
  );
}
