"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { adminApi, RECORD_FILTER_KEYS, type RecordFilter } from "@/lib/client/admin-api";
import { useActiveCase } from "@/lib/client/active-case";
import { hrefWithCase } from "@/lib/client/case-url";
import { useDebouncedValue } from "@/lib/client/use-debounced-value";
import { useRecords } from "@/lib/client/use-records";
import { Pagination } from "./pagination";
import { RecordsFilters } from "./records-filters";
import { RecordsTable } from "./records-table";

const PAGE_SIZE = 100;

/**
 * The case's records, paged and filtered, with CSV/XLSX export of exactly what is shown. Linked
 * duplicate legs (one call reported twice) are hidden unless asked for, so counts are not doubled.
 */
export function RecordsExplorer() {
  const current = useActiveCase();
  const search = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  // The filters live in the URL (`?imei=…&minDuration=…`), so a filtered view can be shared or bookmarked.
  const [filter, setFilter] = useState<RecordFilter>(() => Object.fromEntries(RECORD_FILTER_KEYS.map((k) => [k, search.get(k) || undefined])));
  const [includeDuplicates, setIncludeDuplicates] = useState(search.get("includeDuplicates") === "1");
  const [page, setPage] = useState(1);
  const settled = useDebouncedValue(filter, 300);
  const href = hrefWithCase(pathname, current.id, { ...Object.fromEntries(RECORD_FILTER_KEYS.map((k) => [k, settled[k]])), includeDuplicates: includeDuplicates ? 1 : undefined });
  useEffect(() => {
    if (href !== hrefWithCase(`${pathname}?${search.toString()}`, current.id)) router.replace(href, { scroll: false });
  }, [href]); // eslint-disable-line react-hooks/exhaustive-deps -- only when the filters change
  const params = { ...settled, includeDuplicates, page, pageSize: PAGE_SIZE };
  const { data, error, isPending, isFetching } = useRecords(current.id, params);
  const exportFilter = { ...settled, includeDuplicates };

  return (
    <section className="card" aria-labelledby="records-title" aria-busy={isFetching}>
      <div className="card-header">
        <h2 id="records-title">Records{data && <span className="muted"> · {data.total.toLocaleString("en-US")}</span>}</h2>
        <div className="row-actions">
          <a className="btn btn-small" href={adminApi.recordsExportUrl(current.id, exportFilter, "csv")} download data-testid="records-csv">
            Export CSV
          </a>
          <a className="btn btn-small" href={adminApi.recordsExportUrl(current.id, exportFilter, "xlsx")} download data-testid="records-xlsx">
            Export XLSX
          </a>
          <a
            className="btn btn-small"
            href={adminApi.recordsExportUrl(current.id, exportFilter, "parquet")}
            download
            data-testid="records-parquet"
            title="Apache Parquet, typed columns, for DuckDB, pandas or Spark"
          >
            Export Parquet
          </a>
        </div>
      </div>
      <RecordsFilters
        value={filter}
        onChange={(f) => {
          setFilter(f);
          setPage(1);
        }}
        includeDuplicates={includeDuplicates}
        onIncludeDuplicates={(v) => {
          setIncludeDuplicates(v);
          setPage(1);
        }}
      />
      {error && !data ? (
        <p className="card-body alert" role="alert">
          {error.message}
        </p>
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
