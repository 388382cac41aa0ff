"use client";

import { useState } from "react";
import type { ErrorDto } from "@/lib/schemas/api";
import { useJobErrors } from "@/lib/client/use-jobs";
import { Pagination } from "./pagination";
import styles from "./job-errors-table.module.css";

const PAGE_SIZE = 50;

interface Props {
  jobId: string;
  /** The first errors, delivered with the job detail; later pages come from the errors endpoint. */
  firstPage: readonly ErrorDto[];
  /** Rejected row count; the pager's total until the endpoint reports its own. */
  rejected: number;
}

/** Rows that did not load: where, which field, why, and the raw text as it appeared in the file. */
export function JobErrorsTable({ jobId, firstPage, rejected }: Props) {
  const [page, setPage] = useState(1);
  const later = useJobErrors(jobId, page, PAGE_SIZE);
  const rows = page === 1 ? firstPage : (later.data?.errors ?? []);
  const total = page > 1 && later.data ? later.data.total : Math.max(rejected, firstPage.length);

  if (firstPage.length === 0) {
    return <p className="card-body muted">No rejected rows.</p>;
  }
  return (
    <>
      {later.error && (
        <p className="alert" role="alert">
          {later.error.message}
        </p>
      )}
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col" className="num">Line</th>
              <th scope="col">Field</th>
              <th scope="col">Code</th>
              <th scope="col">Message</th>
              <th scope="col">Raw text</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr key={e.id} data-testid="error-row">
                <td className="num">{e.line}</td>
                <td>{e.field ?? <span className="muted">—</span>}</td>
                <td>
                  <code className={styles.code}>{e.code}</code>
                </td>
                <td className={styles.message}>{e.message}</td>
                <td>
                  <pre className={styles.raw} title={e.raw}>{e.raw}</pre>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {total > PAGE_SIZE && (
        <Pagination page={page} pageSize={PAGE_SIZE} total={total} onPage={setPage} label="Error pages" />
      )}
    </>
  );
}
