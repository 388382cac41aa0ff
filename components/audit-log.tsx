"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { adminApi } from "@/lib/client/admin-api";
import { formatDateTime } from "@/lib/client/format";
import { queryKeys, type AuditFilter } from "@/lib/client/query-keys";
import type { AuditEventDto } from "@/lib/schemas/responses";
import { auditActionLabel } from "@/lib/schemas/audit-actions";
import { AuditDetail, AuditSubject } from "./audit-detail";
import { AuditFilters } from "./audit-filters";
import { DataTable, type Column } from "./data-table";
import { QueryState } from "./query-state";
import styles from "./audit-log.module.css";

const PAGE_SIZE = 100;

const failedSignIn = (e: AuditEventDto) => e.action === "auth.sign_in_failed";

const COLUMNS: Column<AuditEventDto>[] = [
  { key: "when", header: "When", className: styles.when, cell: (e) => formatDateTime(e.at) },
  { key: "who", header: "Who", cell: (e) => e.userEmail ?? <span className="muted">{failedSignIn(e) ? "not signed in" : "—"}</span> },
  {
    key: "what",
    header: "What",
    className: (e) => (failedSignIn(e) ? styles.failed : undefined),
    cellProps: (e) => ({ title: e.action }),
    cell: (e) => auditActionLabel(e.action),
  },
  { key: "subject", header: "Subject", cell: (e) => <AuditSubject e={e} /> },
  { key: "detail", header: "Detail", cell: (e) => <AuditDetail detail={e.detail} /> },
];

export function AuditLog() {
  const [filter, setFilter] = useState<AuditFilter>({});
  const [page, setPage] = useState(1);
  const audit = useQuery({
    queryKey: queryKeys.audit.list({ ...filter, page }),
    queryFn: () => adminApi.audit({ ...filter, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const { isFetching } = audit;
  const changeFilter = (next: AuditFilter) => {
    setFilter(next);
    setPage(1);
  };
  return (
    <section className="card" aria-label="Audit events" aria-busy={isFetching}>
      <AuditFilters value={filter} onChange={changeFilter} />
      <QueryState query={audit} retry isEmpty={(data) => data.events.length === 0} empty="No audit events match these filters.">
        {(data) => (
          <DataTable
            columns={COLUMNS}
            rows={data.events}
            rowKey={(e) => e.id}
            rowProps={(e) => ({ "data-testid": "audit-row", "data-action": e.action })}
            pagination={{ page, pageSize: PAGE_SIZE, total: data.total, onPage: setPage, label: "Audit pages" }}
          />
        )}
      </QueryState>
    </section>
  );
}
