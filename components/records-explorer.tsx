"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { adminApi, type RecordFilter } from "@/lib/client/admin-api";
import { useDebouncedValue } from "@/lib/client/use-debounced-value";
import { Pagination } from "./pagination";
import { RecordsFilters } from "./records-filters";
import { RecordsTable } from "./records-table";

const PAGE_SIZE = 100;

/** Paged, filtered records with CSV/XLSX export of the same filter. */
export function RecordsExplorer() {
  const search = useSearchParams();
  const [filter, setFilter] = useState<RecordFilter>({ jobId: search.get("jobId") ?? undefined, number: search.get("number") ?? undefined });
  const [page, setPage] = useState(1);
  const settled = useDebouncedValue(filter, 300);
  const params = { ...settled, page, pageSize: PAGE_SIZE };
  const { data, error, isPending, isFetching } = useQuery({ queryKey: ["records", params], queryFn: () => adminApi.records(params), placeholderData: keepPreviousData });

  return (
    <section className="card" aria-labelledby="records-title" aria-busy={isFetching}>
      <div className="card-header">
        <h2 id="records-title">
          Records{data && <span className="muted"> · {data.total.toLocaleString("en-US")}</span>}
        </h2>
        <div className="row-actions">
          <a className="btn btn-small" href={adminApi.recordsExportUrl(settled, "csv")} download data-testid="records-csv">Export CSV</a>
          <a className="btn btn-small" href={adminApi.recordsExportUrl(settled, "xlsx")} download data-testid="records-xlsx">Export XLSX</a>
        </div>
      </div>
      <RecordsFilters value={filter} onChange={(f) => { setFilter(f); setPage(1); }} />
      {error && !data ? (
        <p className="card-body alert" role="alert">{error.message}</p>
      ) : isPending ? (
        <p className="card-body muted">Loading records…</p>
      ) : data.records.length === 0 ? (
        <p className="empty-note muted">No records match.</p>
      ) : (
        <>
          <RecordsTable records={data.records} />
          <Pagination page={page} pageSize={PAGE_SIZE} total={data.total} onPage={setPage} label="Record pages" />
        </>
      )}
    </section>
  );
}
