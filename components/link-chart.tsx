"use client";

import { useCallback, useRef, useState, type PointerEvent as ReactPointerEvent } from "react";
import { CLICK_SLOP, HOME_VIEW, svgUserPoint, useWheelZoom, zoomAt, type View, type ZoomLimits } from "@/lib/client/svg-zoom";
import { CHART_HEIGHT, CHART_WIDTH, layoutGraph, type PlacedNode } from "@/lib/client/link-chart-layout";
import type { CaseGraphResponse } from "@/lib/schemas/analytics";
import { LinkChartEdges, LinkChartNodes } from "./link-chart-layers";
import { ZoomTools } from "./zoom-tools";
import styles from "./link-chart.module.css";

type Gesture = { kind: "pan"; sx: number; sy: number; moved: boolean; start: DOMPoint; view: View } | { kind: "node"; id: string; sx: number; sy: number; moved: boolean };

const LIMITS: ZoomLimits = { min: 0.2, max: 12 };

/**
 * The link chart (issue 21): the graph laid out once by a force simulation, drawn as SVG. Wheel
 * zooms around the cursor, dragging the background pans, dragging a node moves and pins it, a
 * click selects it. A new graph starts from a new layout (and forgets the pinned nodes).
 */
export function LinkChart({ graph, selected, onSelect }: { graph: CaseGraphResponse; selected: string | null; onSelect: (id: string | null) => void }) {
  // Laid out again only for another graph: react-query hands back the same object when a refetch changes nothing.
  const [layout, setLayout] = useState<{ graph: CaseGraphResponse; placed: PlacedNode[] }>(() => ({ graph, placed: layoutGraph(graph.nodes, graph.edges) }));
  if (layout.graph !== graph) setLayout({ graph, placed: layoutGraph(graph.nodes, graph.edges) });
  const placed = layout.placed;
  const setPlaced = (update: (list: PlacedNode[]) => PlacedNode[]) => setLayout((l) => ({ ...l, placed: update(l.placed) }));
  const [view, setView] = useState<View>(HOME_VIEW);
  const [hovered, setHovered] = useState<string | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const gesture = useRef<Gesture | null>(null);

  const toUser = (e: { clientX: number; clientY: number }) => svgUserPoint(svgRef.current, e);
  useWheelZoom(svgRef, setView, LIMITS);

  const onNodePointerDown = useCallback((e: ReactPointerEvent, id: string) => {
    if (e.button !== 0) return;
    e.stopPropagation();
    svgRef.current?.setPointerCapture(e.pointerId);
    gesture.current = { kind: "node", id, sx: e.clientX, sy: e.clientY, moved: false };
  }, []);

  const onPointerDown = (e: ReactPointerEvent<SVGSVGElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    gesture.current = { kind: "pan", sx: e.clientX, sy: e.clientY, moved: false, start: toUser(e), view };
  };
  const onPointerMove = (e: ReactPointerEvent<SVGSVGElement>) => {
    const g = gesture.current;
    if (!g || (!g.moved && Math.hypot(e.clientX - g.sx, e.clientY - g.sy) < CLICK_SLOP)) return;
    g.moved = true;
    const p = toUser(e);
    if (g.kind === "pan") setView({ ...g.view, x: g.view.x + p.x - g.start.x, y: g.view.y + p.y - g.start.y });
    else {
      const x = (p.x - view.x) / view.k;
      const y = (p.y - view.y) / view.k;
      setPlaced((list) => list.map((n) => (n.node.id === g.id ? { ...n, x, y, pinned: true } : n)));
    }
  };
  const onPointerUp = () => {
    const g = gesture.current;
    gesture.current = null;
    if (g && !g.moved) onSelect(g.kind === "node" ? g.id : null);
  };

  const targets = graph.nodes.filter((n) => n.target).length;
  const common = graph.nodes.filter((n) => n.common).length;
  const summary = `Link chart: ${targets} targets and ${graph.nodes.length - targets} contacts (${common} common to two or more targets), ${graph.edges.length} links. The table of nodes lists them all.`;

  return (
    <div className={styles.frame}>
      <ZoomTools
        className={styles.tools}
        step={1.4}
        onZoom={(factor) => setView((v) => zoomAt(v, { x: CHART_WIDTH / 2, y: CHART_HEIGHT / 2 }, factor, LIMITS))}
        onFit={() => setView(HOME_VIEW)}
        testId="link-chart"
      />
      <svg
        ref={svgRef}
        viewBox={`0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`}
        className={styles.svg}
        role="img"
        aria-label={summary}
        data-testid="link-chart"
        data-zoom={view.k.toFixed(3)}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => (gesture.current = null)}
      >
        <g transform={`translate(${view.x} ${view.y}) scale(${view.k})`} data-testid="link-chart-viewport">
          <LinkChartEdges placed={placed} edges={graph.edges} selected={selected} />
          <LinkChartNodes placed={placed} selected={selected} hovered={hovered} onPointerDown={onNodePointerDown} onHover={setHovered} />
        </g>
      </svg>
      <p className={`muted ${styles.hint}`}>
        <span className={`${styles.key} ${styles.keyTarget}`} /> target <span className={`${styles.key} ${styles.keyCommon}`} /> common contact <span className={styles.key} />{" "}
        contact <span className={`${styles.key} ${styles.keyOther}`} /> not a phone number · Scroll to zoom, drag the background to pan, drag a node to pin it, click a node for its
        details.
      </p>
    </div>
  );
}
