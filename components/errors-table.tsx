"use client";

import Link from "next/link";
import { hrefWithCase } from "@/lib/client/case-url";
import type { AllErrorsResponse } from "@/lib/schemas/responses";
import type { JobRetries } from "@/lib/client/use-job-retries";

type Row = AllErrorsResponse["errors"][number];

function RetryJobButton({ jobId, fileName, retries }: { jobId: string; fileName: string; retries: JobRetries }) {
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
export function ErrorsTable({ caseId, errors, retries }: { caseId: number; errors: readonly Row[]; retries: JobRetries }) {
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
              <td><Link href={hrefWithCase(`/jobs/${encodeURIComponent(e.jobId)}`, caseId)}>{e.fileName}</Link></td>
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
