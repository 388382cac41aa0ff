"use client";

import Link from "next/link";
import { useState } from "react";
import { useActiveCase } from "@/lib/client/active-case";
import { jobHref } from "@/lib/client/case-url";
import { formatCarrier, formatDateTime, formatRelative } from "@/lib/client/format";
import { useJobs } from "@/lib/client/use-jobs";
import { useJobsLive } from "@/lib/client/use-jobs-live";
import { ConfidenceMeter } from "./confidence-meter";
import { Pagination } from "./pagination";

const PAGE_SIZE = 50;

/** The case's jobs in needs_review, newest first, live. */
export function ReviewQueue() {
  const current = useActiveCase();
  const [page, setPage] = useState(1);
  const params = { caseId: current.id, status: "needs_review" as const, page, pageSize: PAGE_SIZE };
  useJobsLive(current.id);
  const { data, error, isPending } = useJobs(params);
  if (error && !data) return <p className="alert" role="alert">{error.message}</p>;
  if (isPending) return <p className="muted">Loading…</p>;
  const jobs = data.jobs.filter((j) => j.status === "needs_review");
  if (jobs.length === 0) return <p className="card empty-note muted">Nothing in {current.name} is waiting for review.</p>;
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
                <td><Link href={jobHref(j)}>{j.fileName}</Link></td>
                <td>{formatCarrier(j.carrier)}</td>
                <td><ConfidenceMeter value={j.confidence} /></td>
                <td><time dateTime={j.createdAt} title={formatDateTime(j.createdAt)}>{formatRelative(j.createdAt)}</time></td>
                <td>
                  <Link className="btn btn-small btn-primary" href={jobHref(j, "/review")}>
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
