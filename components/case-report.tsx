"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { ApiRequestError } from "@/lib/client/api";
import { analyticsApi } from "@/lib/client/analytics-api";
import { caseHref, parseCaseParam } from "@/lib/client/case-url";
import { formatCount } from "@/lib/client/format";
import { queryKeys } from "@/lib/client/query-keys";
import { useCaseInUrl } from "@/lib/client/use-case-in-url";
import type { CaseReportResponse } from "@/lib/schemas/analytics";
import { CaseReportTarget, reportInstant } from "./case-report-target";
import { NotFoundNotice } from "./not-found-notice";
import styles from "./case-report.module.css";

/**
 * The case report (issue 21): a cover with the case and when the report was made, then one section
 * per target — counts, top contacts, heat map, gaps, devices — each starting a new page when
 * printed. "Print / Save as PDF" is the browser's print dialog; the print CSS drops the app's
 * header and the toolbar.
 */
export function CaseReport({ id }: { id: string }) {
  const parsed = parseCaseParam(id);
  const caseId = typeof parsed === "number" ? parsed : null;
  const { data, error, isPending } = useQuery({
    queryKey: queryKeys.contacts.report(caseId ?? 0),
    queryFn: () => analyticsApi.report(caseId ?? 0),
    enabled: caseId !== null,
  });
  useCaseInUrl(data ? data.case.id : null);
  if (caseId === null || (error instanceof ApiRequestError && error.status === 404)) return <NotFoundNotice kind="case" />;
  if (error)
    return (
      <p className="alert" role="alert">
        {error.message}
      </p>
    );
  if (isPending) return <p className="muted">Making the report…</p>;
  return <Report report={data} />;
}

function Report({ report }: { report: CaseReportResponse }) {
  const c = report.case;
  return (
    <article className={styles.report} data-testid="case-report">
      <div className={styles.toolbar}>
        <Link href={caseHref(c.id)}>← Back to the case</Link>
        <button type="button" className="btn btn-primary" onClick={() => window.print()} data-testid="case-report-print">
          Print / Save as PDF
        </button>
      </div>
      <section className={styles.cover} aria-labelledby="report-title">
        <p className={styles.kicker}>Case report</p>
        <h1 id="report-title" data-testid="case-report-name">
          {c.name}
        </h1>
        <dl className={styles.facts}>
          <dt>Generated</dt>
          <dd data-testid="case-report-generated">{reportInstant(report.generatedAt)}</dd>
          <dt>Heat maps in</dt>
          <dd>{c.displayTimezone ?? "UTC"}</dd>
          <dt>Targets</dt>
          <dd>{formatCount(report.targets.length)}</dd>
        </dl>
        {report.targets.length === 0 ? (
          <p className="muted">This case has no records with a target yet.</p>
        ) : (
          <table className={`table ${styles.contents}`}>
            <caption className="visually-hidden">The report&apos;s targets</caption>
            <thead>
              <tr>
                <th scope="col">Target</th>
                <th scope="col" className="num">
                  Events
                </th>
                <th scope="col">First</th>
                <th scope="col">Last</th>
              </tr>
            </thead>
            <tbody>
              {report.targets.map((t) => (
                <tr key={t.target}>
                  <td className="mono">
                    <a href={`#target-${encodeURIComponent(t.target)}`}>{t.target}</a>
                  </td>
                  <td className="num">{formatCount(t.counts.records)}</td>
                  <td>{reportInstant(t.counts.first)}</td>
                  <td>{reportInstant(t.counts.last)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className={`muted ${styles.note}`}>
          Times are UTC as stored; heat maps count by the hour and weekday of the case&apos;s display time zone. Linked near-duplicate records are counted once.
        </p>
      </section>
      {report.targets.map((t) => (
        <CaseReportTarget key={t.target} page={t} />
      ))}
    </article>
  );
}
