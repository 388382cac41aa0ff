"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { CaseDto } from "@/lib/schemas/case";
import { graphUrl } from "@/lib/client/analytics-api";
import { hrefWithCase } from "@/lib/client/case-url";
import { formatCount, formatDateTime } from "@/lib/client/format";
import { regionLabel } from "@/lib/schemas/regions";
import { useCaseMembers } from "@/lib/client/use-cases";
import { CaseDeleteDialog } from "./case-delete-dialog";
import { CaseEditForm } from "./case-edit-form";
import { CaseMembers } from "./case-members";
import { CommonContacts } from "./common-contacts";
import { CaseGate } from "./case-gate";
import styles from "./case-detail-view.module.css";

/** One case: what is in it, where to work on it, its members; its creator and admins also rename and delete it. */
export function CaseDetailView({ id }: { id: string }) {
  return <CaseGate id={id}>{(theCase) => <CaseDetail theCase={theCase} />}</CaseGate>;
}

function CaseDetail({ theCase: c }: { theCase: CaseDto }) {
  const router = useRouter();
  const [deleting, setDeleting] = useState(false);
  const members = useCaseMembers(c.id);
  const creator = members.data?.members.find((m) => m.userId === c.createdBy);
  const to = (path: string) => hrefWithCase(path, c.id);
  const tiles = [
    { label: "Files", value: c.counts.jobs, href: to("/jobs"), testId: "case-jobs" },
    { label: "Records", value: c.counts.records, href: to("/records"), testId: "case-records" },
    { label: "Members", value: c.counts.members, href: "#members-title", testId: "case-members" },
  ];
  return (
    <div className="stack">
      <nav aria-label="Breadcrumb" className={styles.crumbs}>
        <Link href={to("/cases")}>Cases</Link> <span aria-hidden="true">/</span> <span>{c.name}</span>
      </nav>
      <header className={styles.header}>
        <div className={styles.title}>
          <h1 data-testid="case-name">{c.name}</h1>
          {c.description && <p className={styles.description}>{c.description}</p>}
          <p className="muted">
            {c.createdBy === null ? "Created by the command line" : `Created by ${creator?.name ?? "a former member"}`} on {formatDateTime(c.createdAt)}
            {" · "}your role: {c.myRole ?? "admin (not a member)"}
          </p>
          <p className="muted" data-testid="case-region" data-value={c.region ?? ""}>
            Region for national numbers:{" "}
            {c.region ? (
              <strong className={styles.region}>{regionLabel(c.region)}</strong>
            ) : (
              <span title="A file's numbers without a country code stay as written unless its carrier, its title lines, a template or its numbers tell the country.">none</span>
            )}
          </p>
        </div>
        <div className="row-actions">
          <Link href={to("/")} className="btn btn-primary">
            Upload into this case
          </Link>
          <Link href={to("/records")} className="btn">
            Records
          </Link>
          <Link href={to("/contacts")} className="btn">
            Contacts
          </Link>
          <Link href={to(`/cases/${c.id}/report`)} className="btn" data-testid="case-report-link">
            Report
          </Link>
          <Link href={to(`/cases/${c.id}/graph`)} className="btn" data-testid="case-link-chart">
            Link chart
          </Link>
          <Link href={to(`/cases/${c.id}/map`)} className="btn" data-testid="case-cell-map">
            Cells &amp; map
          </Link>
          {/* The link chart's data as files (issue 21): every edge of weight ≥ 1, at most 2000. */}
          <a href={graphUrl(c.id, "graphml")} className="btn" download data-testid="case-graph-graphml" title="The case's targets and their contacts as a graph, for Gephi or i2">
            Download GraphML
          </a>
          <a href={graphUrl(c.id, "neo4j")} className="btn" download data-testid="case-graph-neo4j" title="nodes.csv and relationships.csv for neo4j-admin database import, zipped">
            Download Neo4j CSV
          </a>
        </div>
      </header>

      <dl className={styles.tiles}>
        {tiles.map((t) => (
          <div key={t.label} className={`card ${styles.tile}`}>
            <dt>{t.label}</dt>
            <dd data-testid={t.testId} data-value={t.value}>
              <Link href={t.href}>{formatCount(t.value)}</Link>
            </dd>
          </div>
        ))}
      </dl>

      <CommonContacts caseId={c.id} />

      {c.canManage && (
        <section className="card" aria-labelledby="details-title">
          <div className="card-header">
            <h2 id="details-title">Name, description and region</h2>
          </div>
          <div className="card-body">
            <CaseEditForm key={c.id} value={c} />
          </div>
        </section>
      )}

      <CaseMembers theCase={c} />

      {c.canManage && (
        <section className={`card ${styles.danger}`} aria-labelledby="danger-title">
          <div className="card-header">
            <h2 id="danger-title">Delete the case</h2>
          </div>
          <div className={`card-body ${styles.dangerBody}`}>
            <p className="muted">Deletes every file, record, contact and timeline of the case, for every member. There is no undo.</p>
            <button type="button" className="btn btn-danger" onClick={() => setDeleting(true)}>
              Delete case…
            </button>
          </div>
        </section>
      )}
      <CaseDeleteDialog value={deleting ? c : null} onClose={() => setDeleting(false)} onDeleted={() => router.replace("/cases")} />
    </div>
  );
}
