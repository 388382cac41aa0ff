"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { api } from "@/lib/client/api";
import { formatCarrier, formatDateTime, formatRelative } from "@/lib/client/format";
import { queryKeys } from "@/lib/client/query-keys";
import { useJobsLive } from "@/lib/client/use-jobs-live";
import { ConfidenceMeter } from "./confidence-meter";
import { Pagination } from "./pagination";

const PAGE_SIZE = 50;

/** Jobs in needs_review, oldest concern first on top of the list the API gives (newest first). */
export function ReviewQueue() {
  const [page, setPage] = useState(1);
  const params = { status: "needs_review" as const, page, pageSize: PAGE_SIZE };
  useJobsLive();
  const { data, error, isPending } = useQuery({ queryKey: queryKeys.jobs.list(params), queryFn: () => api.listJobs(params), placeholderData: keepPreviousData });
  if (error && !data) return <p className="alert" role="alert">{error.message}</p>;
  if (isPending) return <p className="muted">Loading…</p>;
  const jobs = data.jobs.filter((j) => j.status === "needs_review");
  if (jobs.length === 0) return <p className="card empty-note muted">Nothing is waiting for review.</p>;
  return (
    <section className="card" aria-label="Jobs waiting for review">
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Carrier</th>
              <th scope="col">Confidence</th>
              <th scope="col">Uploaded</th>
              <th scope="col"><span className="visually-hidden">Action</span></th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((j) => (
              <tr key={j.id} data-testid="review-row" data-job-id={j.id}>
                <td><Link href={`/jobs/${encodeURIComponent(j.id)}`}>{j.fileName}</Link></td>
                <td>{formatCarrier(j.carrier)}</td>
                <td><ConfidenceMeter value={j.confidence} /></td>
                <td><time dateTime={j.createdAt} title={formatDateTime(j.createdAt)}>{formatRelative(j.createdAt)}</time></td>
                <td>
                  <Link className="btn btn-small btn-primary" href={`/jobs/${encodeURIComponent(j.id)}/review`}>
                    Review mapping
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={page} pageSize={PAGE_SIZE} total={data.total} onPage={setPage} label="Review pages" />
    </section>
  );
}
