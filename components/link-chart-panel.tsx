"use client";

import Link from "next/link";
import { hrefWithCase } from "@/lib/client/case-url";
import { formatCount, formatDateTime } from "@/lib/client/format";
import { asPartyKind } from "@/lib/client/party-kinds";
import type { CaseGraphResponse, GraphNode } from "@/lib/schemas/analytics";
import { PartyKindBadge } from "./party-kind-badge";
import styles from "./link-chart-panel.module.css";

interface Props {
  caseId: number;
  graph: CaseGraphResponse;
  selected: string | null;
  onSelect: (id: string | null) => void;
}

const role = (n: GraphNode) => (n.target ? "target" : n.common ? "common contact" : "contact");

/**
 * Beside the chart: the selected node (its events, first and last contact in this graph, its
 * links, where to read its records) and every node in a table sorted by events, whose buttons
 * select like a click on the chart does: the keyboard's way through the graph.
 */
export function LinkChartPanel({ caseId, graph, selected, onSelect }: Props) {
  const node = selected === null ? undefined : graph.nodes.find((n) => n.id === selected);
  const byEvents = [...graph.nodes].sort((a, b) => b.events - a.events || a.id.localeCompare(b.id));
  return (
    <aside className={styles.panel} aria-label="Selected node and every node">
      {node ? (
        <NodeDetails caseId={caseId} graph={graph} node={node} onSelect={onSelect} />
      ) : (
        <p className="muted">Click a node, or choose one in the table, to see its events and records.</p>
      )}
      <div className={styles.tableBox}>
        <table className="table" data-testid="link-chart-nodes">
          <caption className={styles.caption}>Nodes by events ({formatCount(graph.nodes.length)})</caption>
          <thead>
            <tr>
              <th scope="col">Number</th>
              <th scope="col" className="num">
                Events
              </th>
              <th scope="col">
                <span className="visually-hidden">Select</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {byEvents.map((n) => (
              <tr key={n.id} data-testid="link-chart-node-row" data-id={n.id} className={n.id === selected ? styles.current : undefined}>
                <td>
                  <span className="mono">{n.label}</span> {n.target || n.common ? <span className={styles.role}>{role(n)}</span> : null}
                </td>
                <td className="num">{formatCount(n.events)}</td>
                <td>
                  <button
                    type="button"
                    className="btn btn-small"
                    aria-pressed={n.id === selected}
                    aria-label={`Select ${n.label}`}
                    onClick={() => onSelect(n.id === selected ? null : n.id)}
                  >
                    {n.id === selected ? "Selected" : "Select"}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </aside>
  );
}

function NodeDetails({ caseId, graph, node, onSelect }: { caseId: number; graph: CaseGraphResponse; node: GraphNode; onSelect: (id: string) => void }) {
  const edges = graph.edges.filter((e) => e.source === node.id || e.target === node.id).sort((a, b) => b.weight - a.weight);
  const first = edges.reduce<string | null>((m, e) => (m === null || e.first < m ? e.first : m), null);
  const last = edges.reduce<string | null>((m, e) => (m === null || e.last > m ? e.last : m), null);
  const kind = asPartyKind(node.kind);
  return (
    <section className={styles.details} data-testid="link-chart-panel" data-id={node.id} aria-live="polite">
      <h2 className={styles.number}>
        <span className="mono">{node.label}</span> {kind && kind !== "e164" && <PartyKindBadge kind={kind} />}
      </h2>
      <p className="muted">{role(node)}</p>
      <dl className={styles.facts}>
        <dt>Events</dt>
        <dd data-testid="link-chart-panel-events">{formatCount(node.events)}</dd>
        <dt>First</dt>
        <dd>{formatDateTime(first)}</dd>
        <dt>Last</dt>
        <dd>{formatDateTime(last)}</dd>
        <dt>Links</dt>
        <dd>{formatCount(edges.length)}</dd>
      </dl>
      <div className="row-actions">
        <Link href={hrefWithCase("/records", caseId, { number: node.id })} className="btn btn-small" data-testid="link-chart-records">
          Records with this number
        </Link>
        {node.target && (
          <Link href={hrefWithCase("/contacts", caseId, { target: node.id })} className="btn btn-small" data-testid="link-chart-contacts">
            Contacts of this target
          </Link>
        )}
      </div>
      <ul className={styles.links}>
        {edges.slice(0, 8).map((e) => {
          const other = e.source === node.id ? e.target : e.source;
          return (
            <li key={other}>
              <button type="button" className={styles.linkButton} onClick={() => onSelect(other)}>
                {other}
              </button>{" "}
              <span className="muted">
                {formatCount(e.calls)} calls, {formatCount(e.messages)} messages
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
