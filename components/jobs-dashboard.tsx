"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { api } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import { useJobsLive } from "@/lib/client/use-jobs-live";
import { JOB_STATUSES, type JobStatus } from "@/lib/schemas/job";
import { JobsFilters, type JobsFilterValues } from "./jobs-filters";
import { JobsTable } from "./jobs-table";
import { Pagination } from "./pagination";
import { STATUS_LABELS } from "./status-badge";
import styles from "./jobs-dashboard.module.css";

const PAGE_SIZE = 50;

function parseStatus(v: string | null): JobStatus | undefined {
  return JOB_STATUSES.find((s) => s === v);
}

/** Jobs list with filter and paging kept in the URL, so reloads and the back button keep the view. */
export function JobsDashboard() {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const status = parseStatus(search.get("status"));
  const page = Math.max(1, Number.parseInt(search.get("page") ?? "1", 10) || 1);
  const filters: JobsFilterValues = {
    status,
    carrier: search.get("carrier") ?? undefined,
    userId: search.get("userId") ?? undefined,
    from: search.get("from") ?? undefined,
    to: search.get("to") ?? undefined,
  };
  // "to" is a whole day: everything created before the next midnight (UTC) counts.
  const toInstant = filters.to ? `${filters.to}T23:59:59.999Z` : undefined;
  const params = { ...filters, status, to: toInstant, page, pageSize: PAGE_SIZE };
  const filtered = Object.values(filters).some(Boolean);

  useJobsLive();
  const { data, error, isPending, isFetching, refetch } = useQuery({
    queryKey: queryKeys.jobs.list(params),
    queryFn: () => api.listJobs(params),
    placeholderData: keepPreviousData,
  });

  const navigate = (next: { filters?: JobsFilterValues; page?: number }) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(next.filters ?? filters)) if (v) q.set(k, v);
    const p = next.page ?? 1;
    if (p > 1) q.set("page", String(p));
    const qs = q.toString();
    router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  };

  return (
    <section className="card" aria-labelledby="jobs-title" aria-busy={isFetching}>
      <div className="card-header">
        <h2 id="jobs-title">
          {status ? `${STATUS_LABELS[status]} jobs` : "All jobs"}
          {data && <span className={styles.total}> · {data.total.toLocaleString("en-US")}</span>}
        </h2>
      </div>
      <JobsFilters value={filters} onChange={(f) => navigate({ filters: { ...f, status: parseStatus(f.status ?? null) } })} />
      {error && !data ? (
        <div className="card-body">
          <p className="alert" role="alert">
            Could not load jobs: {error.message}{" "}
            <button type="button" className="btn btn-small" onClick={() => void refetch()}>
              Try again
            </button>
          </p>
        </div>
      ) : isPending ? (
        <p className={`card-body muted ${styles.empty}`}>Loading jobs…</p>
      ) : data.jobs.length === 0 ? (
        <div className={`card-body ${styles.empty}`}>
          <p>{filtered ? "No jobs match these filters." : "No files loaded yet."}</p>
          <Link href="/" className="btn btn-primary">
            Upload files
          </Link>
        </div>
      ) : (
        <>
          <JobsTable jobs={data.jobs} />
          <Pagination page={page} pageSize={PAGE_SIZE} total={data.total} onPage={(p) => navigate({ page: p })} label="Jobs pages" />
        </>
      )}
    </section>
  );
}
