"use client";

import Link from "next/link";
import { ApiRequestError } from "@/lib/client/api";
import { caseHref, hrefWithCase, jobHref } from "@/lib/client/case-url";
import { canReviewIn } from "@/lib/client/case-permissions";
import { useCaseInUrl } from "@/lib/client/use-case-in-url";
import { useCaseOf } from "@/lib/client/use-case-of";
import { useJob } from "@/lib/client/use-job";
import { useSession } from "@/lib/client/use-session";
import { useJobLive } from "@/lib/client/use-job-live";
import { isTerminal } from "@/lib/client/job-cache";
import { CountTiles } from "./count-tiles";
import { JobActions } from "./job-actions";
import { JobErrorsTable } from "./job-errors-table";
import { JobFacts } from "./job-facts";
import { JobProgressLine } from "./job-progress-line";
import { MappingTable } from "./mapping-table";
import { NotFoundNotice } from "./not-found-notice";
import { ReviewReasons } from "./review-reasons";
import { StageTimeline } from "./stage-timeline";
import { StatusBadge } from "./status-badge";
import styles from "./job-detail-view.module.css";

/** Everything about one job, kept live over its Socket.IO room; the header follows the job's case. */
export function JobDetailView({ id }: { id: string }) {
  const tick = useJobLive(id);
  const { data, error, isPending, refetch } = useJob(id);
  const user = useSession().data?.user;
  const caseId = data?.job.caseId ?? null;
  const theCase = useCaseOf(caseId);
  useCaseInUrl(caseId);

  if (isPending) return <p className="muted">Loading job…</p>;
  if (!data && error instanceof ApiRequestError && error.status === 404) return <NotFoundNotice kind="job" />;
  if (!data) {
    return (
      <div className="stack">
        <p className="alert" role="alert">
          {error?.message ?? "The job could not be loaded."}
        </p>
        <div className={styles.row}>
          <button type="button" className="btn" onClick={() => void refetch()}>
            Try again
          </button>
          <Link href="/jobs" className="btn">
            Back to jobs
          </Link>
        </div>
      </div>
    );
  }

  const { job, plan, errors } = data;
  const mayReview = !!user && !!theCase && canReviewIn(user, theCase);
  return (
    <div className="stack">
      <nav aria-label="Breadcrumb" className={styles.crumbs}>
        <Link href={caseHref(job.caseId)}>{theCase?.name ?? "Case"}</Link> <span aria-hidden="true">/</span> <Link href={hrefWithCase("/jobs", job.caseId)}>Jobs</Link>{" "}
        <span aria-hidden="true">/</span> <span>{job.fileName}</span>
      </nav>
      <header className={styles.header}>
        <div className={styles.title}>
          <h1 title={job.fileName}>{job.fileName}</h1>
          <StatusBadge status={job.status} testId="job-status" />
        </div>
        <JobActions job={job} />
      </header>
      {job.error && (
        <p className="alert" role="alert">
          {/* The code stays available to tools (data-code, the API); people read the sentence. */}
          <strong data-code={job.error.code}>
            {job.status === "partial" ? "Some rows were not loaded." : job.status === "cancelled" ? "Cancelled." : "The file was not loaded."}
          </strong>{" "}
          {job.error.message}
        </p>
      )}
      {job.status === "needs_review" && <ReviewReasons reasons={plan?.reviewReasons ?? []} />}
      {job.status === "needs_review" && mayReview && (
        <p>
          <Link className="btn btn-primary" href={jobHref(job, "/review")}>
            Review mapping
          </Link>
        </p>
      )}

      <section className="card" aria-labelledby="progress-title">
        <div className="card-header">
          <h2 id="progress-title">Progress</h2>
        </div>
        <div className={`card-body ${styles.progress}`}>
          <StageTimeline job={job} />
          {!isTerminal(job) && <JobProgressLine job={job} tick={tick} />}
        </div>
      </section>

      <CountTiles counts={job.counts} notRead={job.status === "needs_review" && job.counts.rows === 0} />

      <section className="card" aria-labelledby="facts-title">
        <div className="card-header">
          <h2 id="facts-title">File</h2>
        </div>
        <div className="card-body">
          <JobFacts job={job} plan={plan} />
        </div>
      </section>

      <section className="card" aria-labelledby="mapping-title">
        <div className="card-header">
          <h2 id="mapping-title">Column mapping</h2>
          {plan && <span className="muted">{plan.columns.length} columns</span>}
        </div>
        {plan && plan.columns.length > 0 ? (
          <MappingTable columns={plan.columns} />
        ) : (
          <p className="card-body muted">{isTerminal(job) ? "No mapping was produced for this file." : "The mapping appears once the file has been classified."}</p>
        )}
      </section>

      <section className="card" aria-labelledby="errors-title">
        <div className="card-header">
          <h2 id="errors-title">Rejected rows</h2>
          <span className="muted">{job.counts.rejected.toLocaleString("en-US")}</span>
        </div>
        <JobErrorsTable jobId={job.id} firstPage={errors} rejected={job.counts.rejected} />
      </section>
    </div>
  );
}
