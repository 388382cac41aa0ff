"use client";

import Link from "next/link";
import { caseHref } from "@/lib/client/case-url";
import { formatCount } from "@/lib/client/format";
import { useCaseReportPages } from "@/lib/client/use-case-report";
import type { ReportTarget } from "@/lib/schemas/analytics";
import type { CaseDto } from "@/lib/schemas/case";
import { CaseReportTarget, reportInstant } from "./case-report-target";
import { CaseGate } from "./case-gate";
import styles from "./case-report.module.css";

/**
 * The case report (issue 21): a cover with the case and when the report was made, then one section
 * per target — counts, top contacts, heat map, gaps, devices — each starting a new page when
 * printed. "Print / Save as PDF" is the browser's print dialog; the print CSS drops the app's
 * header and the toolbar.
 */
export function CaseReport({ id }: { id: string }) {
  return <CaseGate id={id}>{(theCase) => <CaseReportPages theCase={theCase} />}</CaseGate>;
}

/** The report of a case the user may see: the targets, then each target's page as it arrives. */
function CaseReportPages({ theCase }: { theCase: CaseDto }) {
  const report = useCaseReportPages(theCase.id);
  if (report.error)
    return (
      <p className="alert" role="alert">
        {report.error.message}
      </p>
    );
  if (!report.targets) return <p className="muted">Making the report…</p>;
  return <Report theCase={theCase} targets={report.targets} pages={report.pages} generatedAt={report.generatedAt} />;
}

function Report({ theCase: c, targets, pages, generatedAt }: { theCase: CaseDto; targets: string[]; pages: (ReportTarget | null)[]; generatedAt: string | null }) {
  const loaded = pages.filter((p) => p !== null).length;
  const ready = loaded === targets.length;
  return (
    <article className={styles.report} data-testid="case-report">
      <div className={styles.toolbar}>
        <Link href={caseHref(c.id)}>← Back to the case</Link>
        {!ready && (
          <span className="muted" role="status" data-testid="case-report-progress">
            Making the report: {loaded} of {targets.length} targets…
          </span>
        )}
        <button type="button" className="btn btn-primary" onClick={() => window.print()} disabled={!ready} data-testid="case-report-print">
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
          <dd data-testid="case-report-generated">{reportInstant(generatedAt)}</dd>
          <dt>Heat maps in</dt>
          <dd>{c.displayTimezone ?? "UTC"}</dd>
          <dt>Targets</dt>
          <dd>{formatCount(targets.length)}</dd>
        </dl>
        {targets.length === 0 ? (
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
              {targets.map((target, i) => {
                const counts = pages[i]?.counts;
                return (
                  <tr key={target}>
                    <td className="mono">
                      <a href={`#target-${encodeURIComponent(target)}`}>{target}</a>
                    </td>
                    <td className="num">{counts ? formatCount(counts.records) : "…"}</td>
                    <td>{counts ? reportInstant(counts.first) : "…"}</td>
                    <td>{counts ? reportInstant(counts.last) : "…"}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <p className={`muted ${styles.note}`}>
          Times are UTC as stored; heat maps count by the hour and weekday of the case&apos;s display time zone. Linked near-duplicate records are counted once.
        </p>
      </section>
      {targets.map((target, i) => {
        const page = pages[i];
        return page ? (
          <CaseReportTarget key={target} page={page} />
        ) : (
          <p key={target} className="muted" data-testid="case-report-target-loading">
            Making the page of {target}…
          </p>
        );
      })}
    </article>
  );
}
