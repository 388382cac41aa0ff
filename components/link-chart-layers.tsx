"use client";

import { memo, type PointerEvent as ReactPointerEvent } from "react";
import { edgeWidth, type PlacedNode } from "@/lib/client/link-chart-layout";
import type { GraphEdge } from "@/lib/schemas/analytics";
import styles from "./link-chart.module.css";

/** Longer values (a SIP address) are cut in the label; the panel has them whole. */
const LABEL_CHARS = 22;
const short = (s: string) => (s.length > LABEL_CHARS ? `${s.slice(0, LABEL_CHARS - 1)}…` : s);

/**
 * The edges, width by the log of their weight; the selected node's edges stand out. Memoised
 * apart from the zoom: panning and zooming only change the transform around the layers.
 */
export const LinkChartEdges = memo(function LinkChartEdges({ placed, edges, selected }: { placed: readonly PlacedNode[]; edges: readonly GraphEdge[]; selected: string | null }) {
  const at = new Map(placed.map((p) => [p.node.id, p]));
  const max = Math.max(1, ...edges.map((e) => e.weight));
  return (
    <g className={selected ? `${styles.edges} ${styles.dimmed}` : styles.edges}>
      {edges.map((e) => {
        const a = at.get(e.source);
        const b = at.get(e.target);
        if (!a || !b) return null;
        const active = selected !== null && (e.source === selected || e.target === selected);
        return (
          <line
            key={`${e.source}\u0000${e.target}`}
            x1={a.x}
            y1={a.y}
            x2={b.x}
            y2={b.y}
            strokeWidth={edgeWidth(e.weight, max)}
            className={active ? styles.activeEdge : undefined}
          />
        );
      })}
    </g>
  );
});

interface NodesProps {
  placed: readonly PlacedNode[];
  selected: string | null;
  hovered: string | null;
  onPointerDown: (e: ReactPointerEvent, id: string) => void;
  onHover: (id: string | null) => void;
}

/**
 * The nodes, targets drawn last (on top), then the labels above every node: only targets, common
 * contacts and the hovered or selected node are labelled, so 500 nodes stay readable.
 */
export const LinkChartNodes = memo(function LinkChartNodes({ placed, selected, hovered, onPointerDown, onHover }: NodesProps) {
  const ordered = [...placed.filter((p) => !p.node.target), ...placed.filter((p) => p.node.target)];
  const labelled = ordered.filter((p) => p.node.target || p.node.common || p.node.id === hovered || p.node.id === selected);
  return (
    <>
      <g>
        {ordered.map(({ node: n, x, y, r, pinned }) => (
          <g
            key={n.id}
            className={styles.node}
            data-testid="link-chart-node"
            data-id={n.id}
            data-target={n.target}
            data-common={n.common}
            data-selected={n.id === selected}
            data-pinned={pinned === true}
            onPointerDown={(e) => onPointerDown(e, n.id)}
            onPointerEnter={() => onHover(n.id)}
            onPointerLeave={() => onHover(null)}
          >
            {n.id === selected && <circle cx={x} cy={y} r={r + 5} className={styles.selectedRing} />}
            {n.common && !n.target && <circle cx={x} cy={y} r={r + 2.5} className={styles.commonRing} />}
            <circle cx={x} cy={y} r={r} className={nodeClass(n)} />
            <title>{`${n.label}${n.target ? " (target)" : n.common ? " (common contact)" : ""}: ${n.events} events`}</title>
          </g>
        ))}
      </g>
      <g className={styles.labels}>
        {labelled.map(({ node: n, x, y, r }) => (
          <text key={n.id} x={x + r + 3} y={y + 4} className={n.target ? styles.targetLabel : styles.label} data-testid="link-chart-label" data-id={n.id}>
            {short(n.label)}
          </text>
        ))}
      </g>
    </>
  );
});

function nodeClass(n: PlacedNode["node"]): string {
  if (n.target) return `${styles.target}`;
  const base = n.common ? styles.common : styles.contact;
  return n.kind === "e164" ? `${base}` : `${base} ${styles.other}`;
}
