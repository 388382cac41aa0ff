"use client";

import Link from "next/link";
import dynamic from "next/dynamic";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { caseHref, hrefWithCase } from "@/lib/client/case-url";
import { formatCount } from "@/lib/client/format";

import { useCellCalls, useTargetCells } from "@/lib/client/use-cells";
import { useTargets } from "@/lib/client/use-contacts";
import type { CaseDto } from "@/lib/schemas/case";
import { CellSitesUpload } from "./cell-sites-upload";
import { CellFrequencyTable, CellHourGrid } from "./cell-tables";
import { CaseGate } from "./case-gate";
import { PageHeader } from "./page-header";
import styles from "./cell-map-view.module.css";

// d3-geo and topojson only in this page's chunks; the atlas JSON is imported lazily inside.
const CellMap = dynamic(() => import("./cell-map").then((m) => m.CellMap), { ssr: false, loading: () => <p className="muted">Loading the map…</p> });

/** The "Cells & map" page of one case (issue 21): the case must be one the user may see, as on the case page. */
export function CellMapView({ id }: { id: string }) {
  return <CaseGate id={id}>{(theCase) => <CaseCells theCase={theCase} />}</CaseGate>;
}

function CaseCells({ theCase: c }: { theCase: CaseDto }) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const targets = useTargets(c.id);
  const target = search.get("target") ?? targets.data?.targets[0] ?? null;
  const [range, setRange] = useState<{ from?: string; to?: string }>({});
  const cells = useTargetCells(c.id, target);
  const calls = useCellCalls(c.id, target, range);
  const d = cells.data;

  return (
    <div className="stack">
      <nav aria-label="Breadcrumb" className={styles.crumbs}>
        <Link href={hrefWithCase("/cases", c.id)}>Cases</Link> <span aria-hidden="true">/</span> <Link href={caseHref(c.id)}>{c.name}</Link> <span aria-hidden="true">/</span>{" "}
        <span>Cells &amp; map</span>
      </nav>
      <PageHeader
        title="Cells & map"
        description={`${c.name}: the cells a target's calls started and ended on, by frequency and by hour, placed on the map by the carrier's cell-site list.`}
        actions={
          <Link href={caseHref(c.id)} className="btn">
            Back to the case
          </Link>
        }
      />
      <section className="card card-body">
        <CellSitesUpload caseId={c.id} />
      </section>
      {targets.isPending ? (
        <p className="muted">Loading targets…</p>
      ) : !target ? (
        <p className="card empty-note muted">No records loaded into {c.name} yet, so there are no targets.</p>
      ) : (
        <>
          <div className="filters card">
            <label className="field">
              <span>Target</span>
              <select value={target} onChange={(e) => router.replace(hrefWithCase(pathname, c.id, { target: e.target.value }), { scroll: false })} data-testid="cell-target">
                {(targets.data?.targets ?? []).map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>Calls from</span>
              <input type="date" value={range.from ?? ""} onChange={(e) => setRange((r) => ({ ...r, from: e.target.value || undefined }))} />
            </label>
            <label className="field">
              <span>to</span>
              <input type="date" value={range.to ?? ""} onChange={(e) => setRange((r) => ({ ...r, to: e.target.value || undefined }))} />
            </label>
          </div>
          <section className="card" aria-labelledby="cell-map-title">
            <div className="card-header">
              <h2 id="cell-map-title">Map</h2>
              <span className="muted">
                {d ? `${formatCount(d.located)} of ${formatCount(d.cells.length)} cells located` : ""}
                {calls.data ? ` · ${formatCount(calls.data.calls.length)} calls${calls.data.truncated ? " (the first ones)" : ""}` : ""}
              </span>
            </div>
            <div className="card-body">
              {d ? <CellMap key={target} caseId={c.id} cells={d.cells} calls={calls.data?.calls ?? []} /> : <p className="muted">{cells.error?.message ?? "Loading…"}</p>}
            </div>
          </section>
          {/* Full width: 24 hour columns do not fit beside the map. */}
          <section className="card" aria-labelledby="cell-hours-title">
            <div className="card-header">
              <h2 id="cell-hours-title">By hour</h2>
              <span className="muted" data-testid="cell-hour-timezone">
                {d ? `hours in ${d.timezone}` : ""}
              </span>
            </div>
            <div className="card-body">{d && <CellHourGrid cells={d.cells} byHour={d.byHour} timezone={d.timezone} />}</div>
          </section>
          <section className="card" aria-labelledby="cell-freq-title">
            <div className="card-header">
              <h2 id="cell-freq-title">
                Cells by frequency{d && <span className="muted"> · {formatCount(d.cells.length)}</span>}
                {d?.truncated && <span className="muted"> (the most frequent)</span>}
              </h2>
            </div>
            {d ? <CellFrequencyTable caseId={c.id} cells={d.cells} /> : <p className="card-body muted">{cells.error?.message ?? "Loading…"}</p>}
          </section>
        </>
      )}
    </div>
  );
}
