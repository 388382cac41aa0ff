"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { api } from "@/lib/client/api";
import type { AllErrorsResponse } from "@/lib/client/dto";
import { queryKeys } from "@/lib/client/query-keys";

type Row = AllErrorsResponse["errors"][number];

/**
 * Retries are tracked by job, in the table: a retry deletes and rewrites the job's error rows, so
 * the rows (keyed by error id) are replaced as soon as the job runs again; state kept in a row would
 * be lost with it and the "Queued" confirmation would flash by (or never show for a small file).
 */
function useJobRetries() {
  const qc = useQueryClient();
  const [queued, setQueued] = useState<ReadonlySet<string>>(new Set());
  const retry = useMutation({
    mutationFn: (jobId: string) => api.retryJob(jobId),
    onSuccess: (_data, jobId) => {
      setQueued((prev) => new Set(prev).add(jobId));
      void qc.invalidateQueries({ queryKey: ["errors"] });
      void qc.invalidateQueries({ queryKey: queryKeys.jobs.all });
    },
  });
  return { retry, queued };
}

function RetryJobButton({ jobId, fileName, retries }: { jobId: string; fileName: string; retries: ReturnType<typeof useJobRetries> }) {
  const { retry, queued } = retries;
  const pending = retry.isPending && retry.variables === jobId;
  const failed = retry.isError && retry.variables === jobId;
  return (
    <>
      <button type="button" className="btn btn-small" disabled={pending || queued.has(jobId)} onClick={() => retry.mutate(jobId)} aria-label={`Retry job ${fileName}`}>
        {queued.has(jobId) ? "Queued" : pending ? "Retrying…" : "Retry job"}
      </button>
      {failed && <span className="alert" role="alert">{retry.error.message}</span>}
    </>
  );
}

/** The raw line in monospace next to the reason, so an admin can see what the carrier sent. */
export function ErrorsTable({ errors }: { errors: readonly Row[] }) {
  const retries = useJobRetries();
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col" className="num">Line</th>
            <th scope="col">Code</th>
            <th scope="col">Reason</th>
            <th scope="col">Raw line</th>
            <th scope="col"><span className="visually-hidden">Action</span></th>
          </tr>
        </thead>
        <tbody>
          {errors.map((e) => (
            <tr key={e.id} data-testid="error-row" data-code={e.code}>
              <td><Link href={`/jobs/${encodeURIComponent(e.jobId)}`}>{e.fileName}</Link></td>
              <td className="num">{e.line}</td>
              <td><code>{e.code}</code></td>
              <td>{e.field ? <strong>{e.field}: </strong> : null}{e.message}</td>
              <td><div className="raw">{e.raw}</div></td>
              <td><RetryJobButton jobId={e.jobId} fileName={e.fileName} retries={retries} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
