"use client";

import Link from "next/link";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { analyticsApi, type GraphOptions } from "@/lib/client/analytics-api";
import { caseHref, hrefWithCase } from "@/lib/client/case-url";
import { formatCount } from "@/lib/client/format";
import { queryKeys } from "@/lib/client/query-keys";

import { useDebouncedValue } from "@/lib/client/use-debounced-value";
import type { CaseDto } from "@/lib/schemas/case";
import { LinkChart } from "./link-chart";
import { graphFilterFromUrl, graphFilterToUrl, LinkChartFilters } from "./link-chart-filters";
import { LinkChartPanel } from "./link-chart-panel";
import { CaseGate } from "./case-gate";
import { PageHeader } from "./page-header";
import styles from "./link-chart-view.module.css";

/** The link chart page of one case (issue 21): the case must be one the user may see, as on the case page. */
export function LinkChartView({ id }: { id: string }) {
  return <CaseGate id={id}>{(theCase) => <CaseLinkChart theCase={theCase} />}</CaseGate>;
}

function CaseLinkChart({ theCase: c }: { theCase: CaseDto }) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const filter = graphFilterFromUrl(new URLSearchParams(search.toString()));
  const setFilter = (f: GraphOptions) => router.replace(hrefWithCase(pathname, c.id, graphFilterToUrl(f)), { scroll: false });
  // Typing a minimum weight asks once it settles, not per keystroke; the string keeps the debounce from restarting on every render.
  const settled = useDebouncedValue(JSON.stringify(filter), 350);
  const asked = JSON.parse(settled) as GraphOptions;
  const graph = useQuery({
    queryKey: queryKeys.contacts.graph(c.id, asked),
    queryFn: () => analyticsApi.graph(c.id, asked),
    placeholderData: keepPreviousData,
  });
  const [selected, setSelected] = useState<string | null>(null);
  const g = graph.data;

  return (
    <div className="stack">
      <nav aria-label="Breadcrumb" className={styles.crumbs}>
        <Link href={hrefWithCase("/cases", c.id)}>Cases</Link> <span aria-hidden="true">/</span> <Link href={caseHref(c.id)}>{c.name}</Link> <span aria-hidden="true">/</span>{" "}
        <span>Link chart</span>
      </nav>
      <PageHeader
        title="Link chart"
        description={`${c.name}: its targets and the numbers they talk to. A link's width grows with its calls + messages; common contacts (two or more targets) are orange.`}
        actions={
          <Link href={caseHref(c.id)} className="btn">
            Back to the case
          </Link>
        }
      />
      <section className="card" aria-labelledby="link-chart-title" aria-busy={graph.isFetching}>
        <LinkChartFilters value={filter} onChange={setFilter} />
        <div className="card-header">
          <h2 id="link-chart-title">
            {g ? `${formatCount(g.nodes.length)} nodes · ${formatCount(g.edges.length)} links` : "Graph"}
            {graph.isFetching && <span className="muted"> · loading…</span>}
          </h2>
          {g?.truncated && (
            <span className="alert alert-warn" data-testid="link-chart-truncated">
              Truncated: only the heaviest {formatCount(g.edges.length)} links are drawn. Narrow the dates or raise the minimum.
            </span>
          )}
        </div>
        {graph.error ? (
          <p className="card-body alert" role="alert">
            {graph.error.message}
          </p>
        ) : !g ? (
          <p className="card-body muted">Laying out the graph…</p>
        ) : g.nodes.length === 0 ? (
          <p className="empty-note muted">No links match these filters.</p>
        ) : (
          <div className={`card-body ${styles.layout}`}>
            <LinkChart graph={g} selected={selected} onSelect={setSelected} />
            <LinkChartPanel caseId={c.id} graph={g} selected={selected} onSelect={setSelected} />
          </div>
        )}
      </section>
    </div>
  );
}
