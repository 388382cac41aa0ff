"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useActiveCase } from "@/lib/client/active-case";
import { hrefWithCase } from "@/lib/client/case-url";
import { useJobs } from "@/lib/client/use-jobs";
import { useJobsLive } from "@/lib/client/use-jobs-live";
import { JOB_STATUSES, type JobStatus } from "@/lib/schemas/job";
import { JobsFilters, type JobsFilterValues } from "./jobs-filters";
import { JobsTable } from "./jobs-table";
import { QueryState } from "./query-state";
import { STATUS_LABELS } from "./status-badge";
import styles from "./jobs-dashboard.module.css";

const PAGE_SIZE = 50;

function parseStatus(v: string | null): JobStatus | undefined {
  return JOB_STATUSES.find((s) => s === v);
}

/** The case's jobs, with filter and paging kept in the URL (beside the case), so reloads and the back button keep the view. */
export function JobsDashboard() {
  const current = useActiveCase();
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
  const params = { caseId: current.id, ...filters, status, to: toInstant, page, pageSize: PAGE_SIZE };
  const filtered = Object.values(filters).some(Boolean);

  useJobsLive(current.id);
  const jobs = useJobs(params);
  const { data, isFetching } = jobs;

  const navigate = (next: { filters?: JobsFilterValues; page?: number }) => {
    const q = new URLSearchParams({ case: String(current.id) });
    for (const [k, v] of Object.entries(next.filters ?? filters)) if (v) q.set(k, v);
    const p = next.page ?? 1;
    if (p > 1) q.set("page", String(p));
    router.replace(`${pathname}?${q.toString()}`, { scroll: false });
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
      <QueryState query={jobs} loading={<p className={`card-body muted ${styles.empty}`}>Loading jobs…</p>} errorText={(e) => <>Could not load jobs: {e.message}</>} retry>
        {(data) => (
          <JobsTable
            jobs={data.jobs}
            empty={
              <div className={`card-body ${styles.empty}`}>
                <p>{filtered ? "No jobs match these filters." : `No files loaded into ${current.name} yet.`}</p>
                <Link href={hrefWithCase("/", current.id)} className="btn btn-primary">
                  Upload files
                </Link>
              </div>
            }
            pagination={{ page, pageSize: PAGE_SIZE, total: data.total, onPage: (p) => navigate({ page: p }), label: "Jobs pages" }}
          />
        )}
      </QueryState>
    </section>
  );
}
