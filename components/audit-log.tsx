"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { adminApi } from "@/lib/client/admin-api";
import { formatDateTime } from "@/lib/client/format";
import { queryKeys, type AuditFilter } from "@/lib/client/query-keys";
import { auditActionLabel } from "@/lib/schemas/audit-actions";
import { AuditDetail, AuditSubject } from "./audit-detail";
import { AuditFilters } from "./audit-filters";
import { Pagination } from "./pagination";
import styles from "./audit-log.module.css";

const PAGE_SIZE = 100;

export function AuditLog() {
  const [filter, setFilter] = useState<AuditFilter>({});
  const [page, setPage] = useState(1);
  const { data, error, isPending, isFetching } = useQuery({
    queryKey: queryKeys.audit.list({ ...filter, page }),
    queryFn: () => adminApi.audit({ ...filter, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const changeFilter = (next: AuditFilter) => {
    setFilter(next);
    setPage(1);
  };
  return (
    <section className="card" aria-label="Audit events" aria-busy={isFetching}>
      <AuditFilters value={filter} onChange={changeFilter} />
      {error && !data && <p className="alert" role="alert">{error.message}</p>}
      {isPending && <p className="card-body muted">Loading…</p>}
      {data && data.events.length === 0 && <p className="empty-note muted">No audit events match these filters.</p>}
      {data && data.events.length > 0 && (
        <>
          <div className="table-wrap">
            <table className="table">
              <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Subject</th><th scope="col">Detail</th></tr></thead>
              <tbody>
                {data.events.map((e) => (
                  <tr key={e.id} data-testid="audit-row" data-action={e.action}>
                    <td className={styles.when}>{formatDateTime(e.at)}</td>
                    <td>{e.userEmail ?? <span className="muted">{e.action === "auth.sign_in_failed" ? "not signed in" : "—"}</span>}</td>
                    <td title={e.action} className={e.action === "auth.sign_in_failed" ? styles.failed : undefined}>{auditActionLabel(e.action)}</td>
                    <td><AuditSubject e={e} /></td>
                    <td><AuditDetail detail={e.detail} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page} pageSize={PAGE_SIZE} total={data.total} onPage={setPage} label="Audit pages" />
        </>
      )}
    </section>
  );
}
