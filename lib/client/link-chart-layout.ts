import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from "d3-force";
import type { GraphEdge, GraphNode } from "@/lib/schemas/analytics";

/** The chart's drawing area in SVG user units (the SVG scales it to its box). */
export const CHART_WIDTH = 1000;
export const CHART_HEIGHT = 680;
const MARGIN = 40;
/**
 * Ticks of the simulation, run off-screen in one go: d3's default cooling (alpha 1 → 0.001) takes
 * 300. 500 nodes took ~0.5 s for them on a busy 2-core box, once per graph; the chart then never jumps.
 */
const TICKS = 300;

/** A node where the layout put it (SVG user units), and its drawn radius. */
export interface PlacedNode {
  node: GraphNode;
  x: number;
  y: number;
  r: number;
  /** Moved by hand: it stays where it was dropped. */
  pinned?: boolean;
}

interface SimNode extends SimulationNodeDatum {
  id: string;
}

/** The node's radius: targets large, others growing with the log of their events. */
export function nodeRadius(n: GraphNode): number {
  return n.target ? 11 : Math.min(9, 3 + Math.log10(1 + n.events) * 1.5);
}

/** An edge's width: log of its weight, so a 5000-event edge does not hide a 5-event one. */
export function edgeWidth(weight: number, maxWeight: number): number {
  return 0.6 + (4 * Math.log1p(weight)) / Math.log1p(Math.max(1, maxWeight));
}

/**
 * Places the nodes with a force layout (links pull, nodes repel, none overlap), then scales the
 * result into the drawing area. Deterministic: d3-force starts from a fixed spiral and its own
 * seeded random source, so the same graph always gets the same picture.
 */
export function layoutGraph(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): PlacedNode[] {
  if (nodes.length === 0) return [];
  const sim: SimNode[] = nodes.map((n) => ({ id: n.id }));
  const ids = new Set(nodes.map((n) => n.id));
  // forceLink throws on an end it does not know; the API never sends one, but a chart must not crash on it.
  const links: SimulationLinkDatum<SimNode>[] = edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map((e) => ({ source: e.source, target: e.target }));
  const radius = new Map(nodes.map((n) => [n.id, nodeRadius(n)]));
  const simulation = forceSimulation(sim)
    .force(
      "link",
      forceLink<SimNode, SimulationLinkDatum<SimNode>>(links)
        .id((d) => d.id)
        .distance(40),
    )
    .force(
      "charge",
      forceManyBody<SimNode>().strength((d) => (radius.get(d.id)! > 10 ? -400 : -40)),
    )
    .force(
      "collide",
      forceCollide<SimNode>((d) => radius.get(d.id)! + 2),
    )
    // Keeps the pieces of a graph with several components on screen.
    .force("x", forceX<SimNode>(0).strength(0.04))
    .force("y", forceY<SimNode>(0).strength(0.06))
    .stop();
  simulation.tick(TICKS);
  return fitToChart(nodes, sim);
}

function fitToChart(nodes: readonly GraphNode[], sim: readonly SimNode[]): PlacedNode[] {
  const xs = sim.map((d) => d.x ?? 0);
  const ys = sim.map((d) => d.y ?? 0);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min((CHART_WIDTH - 2 * MARGIN) / Math.max(1, maxX - minX), (CHART_HEIGHT - 2 * MARGIN) / Math.max(1, maxY - minY), 2);
  const dx = (CHART_WIDTH - scale * (maxX - minX)) / 2;
  const dy = (CHART_HEIGHT - scale * (maxY - minY)) / 2;
  return nodes.map((node, i) => ({ node, x: dx + scale * (xs[i]! - minX), y: dy + scale * (ys[i]! - minY), r: nodeRadius(node) }));
}
