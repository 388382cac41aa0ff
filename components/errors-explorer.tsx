"use client";

import { useState } from "react";
import { adminApi, type ErrorFilter } from "@/lib/client/admin-api";
import { useActiveCase } from "@/lib/client/active-case";
import { useAllErrors } from "@/lib/client/use-all-errors";
import { useErrorsLive } from "@/lib/client/use-errors-live";
import { useJobRetries } from "@/lib/client/use-job-retries";
import { useDebouncedValue } from "@/lib/client/use-debounced-value";
import { MAPPABLE_FIELDS } from "@/lib/schemas/fields";
import { ErrorsTable } from "./errors-table";
import { QueryState } from "./query-state";

const PAGE_SIZE = 50;

/** Admin error table of the current case, live: server-side paging and filters, CSV of exactly what is filtered. */
export function ErrorsExplorer() {
  const current = useActiveCase();
  const [filter, setFilter] = useState<ErrorFilter>({});
  const [page, setPage] = useState(1);
  // The job id is typed: wait until typing stops before asking the server.
  const settled = useDebouncedValue(filter, 300);
  const params = { ...settled, page, pageSize: PAGE_SIZE };
  const errors = useAllErrors(current.id, params);
  const { data, isFetching } = errors;
  useErrorsLive(current.id);
  const retries = useJobRetries();
  const set = (k: keyof ErrorFilter) => (e: { target: { value: string } }) => {
    setFilter({ ...filter, [k]: e.target.value.trim() || undefined });
    setPage(1);
  };

  return (
    <section className="card" aria-labelledby="errors-title" aria-busy={isFetching}>
      <div className="card-header">
        <h2 id="errors-title">Errors{data && <span className="muted"> · {data.total.toLocaleString("en-US")}</span>}</h2>
        <a className="btn btn-small" href={adminApi.errorsCsvUrl(current.id, settled)} download data-testid="errors-csv">
          Download CSV
        </a>
      </div>
      <div className="filters" role="group" aria-label="Filter errors">
        <label className="field">
          <span>Job id</span>
          <input value={filter.jobId ?? ""} onChange={set("jobId")} spellCheck={false} />
        </label>
        <label className="field">
          <span>Error code</span>
          <select value={filter.code ?? ""} onChange={set("code")}>
            <option value="">All codes</option>
            {data?.codes.map((c) => (
              <option key={c.code} value={c.code}>
                {c.code} ({c.count.toLocaleString("en-US")})
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Field</span>
          <select value={filter.field ?? ""} onChange={set("field")}>
            <option value="">All fields</option>
            {MAPPABLE_FIELDS.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </label>
      </div>
      <QueryState query={errors} loading="Loading errors…" retry>
        {(data) => (
          <ErrorsTable
            caseId={current.id}
            errors={data.errors}
            retries={retries}
            empty={`No rejected rows in ${current.name} match.`}
            pagination={{ page, pageSize: PAGE_SIZE, total: data.total, onPage: setPage, label: "Error pages" }}
          />
        )}
      </QueryState>
    </section>
  );
}
