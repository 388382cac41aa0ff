"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { api } from "@/lib/client/api";
import type { AllErrorsResponse } from "@/lib/client/dto";
import { queryKeys } from "@/lib/client/query-keys";

type Row = AllErrorsResponse["errors"][number];

function RetryJobButton({ jobId, fileName }: { jobId: string; fileName: string }) {
  const qc = useQueryClient();
  const retry = useMutation({
    mutationFn: () => api.retryJob(jobId),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["errors"] });
      void qc.invalidateQueries({ queryKey: queryKeys.jobs.all });
    },
  });
  return (
    <>
      <button type="button" className="btn btn-small" disabled={retry.isPending || retry.isSuccess} onClick={() => retry.mutate()} aria-label={`Retry job ${fileName}`}>
        {retry.isSuccess ? "Queued" : retry.isPending ? "Retrying…" : "Retry job"}
      </button>
      {retry.error && <span className="alert" role="alert">{retry.error.message}</span>}
    </>
  );
}

/** The raw line in monospace next to the reason, so an admin can see what the carrier sent. */
export function ErrorsTable({ errors }: { errors: readonly Row[] }) {
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
              <td><RetryJobButton jobId={e.jobId} fileName={e.fileName} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
