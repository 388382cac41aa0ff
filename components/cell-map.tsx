"use client";

import { geoDistance, geoMercator } from "d3-geo";
import { useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from "react";
import { CLICK_SLOP, HOME_VIEW, svgUserPoint, useWheelZoom, zoomAt, type View, type ZoomLimits } from "@/lib/client/svg-zoom";
import { fitBounds, scaleBar } from "@/lib/cell-sites/wedge";
import type { CellCall, TargetCell } from "@/lib/schemas/cells";
import { inUsBox, useAtlas, useBaseMap } from "./cell-map-base";
import { CellMapOverlay, CellMapScale } from "./cell-map-overlay";
import { CellCallLines, CellSiteWedges, type LocatedCell } from "./cell-map-sites";
import { ZoomTools } from "./zoom-tools";
import styles from "./cell-map.module.css";

const W = 800;
const H = 520;
const PAD = 48;
const EARTH_KM = 6371.0088;
/** Zoom limits around the fitted view (k = 1): out to ~16× its span, in to ~1/32. */
const LIMITS: ZoomLimits = { min: 1 / 16, max: 32 };

/**
 * The map of a target's cells (issue 21), offline: an SVG fitted to the located cells but never
 * tighter than 60 km, over country, state and (in the US) county outlines, with a scale bar and
 * north. Each cell is its sector wedge (azimuth ± beamwidth/2; a circle without an azimuth); the
 * calls whose first and last cells are at different points are lines between them. Wheel zooms
 * around the cursor, dragging pans, "Fit" returns to the cells; a wedge links to its records.
 */
export function CellMap({ caseId, cells, calls }: { caseId: number; cells: TargetCell[]; calls: CellCall[] }) {
  const located = useMemo(() => cells.filter((c): c is LocatedCell => c.site !== null), [cells]);
  const fit = useMemo(() => {
    const bounds = fitBounds(located.map((c) => c.site));
    if (!bounds) return null;
    const [[w, s], [e, n]] = bounds;
    const projection = geoMercator()
      .fitExtent(
        [
          [PAD, PAD],
          [W - PAD, H - PAD],
        ],
        { type: "MultiPoint", coordinates: bounds },
      )
      // The base map is clipped a little beyond the farthest zoom-out, so its paths stay small.
      .clipExtent([
        [-W * 20, -H * 20],
        [W * 21, H * 21],
      ]);
    return { projection, centre: [(w + e) / 2, (s + n) / 2] as [number, number] };
  }, [located]);
  const atlas = useAtlas(fit ? inUsBox(fit.centre) : false);
  const base = useBaseMap(fit?.projection ?? null, atlas, fit?.centre ?? null);
  const [view, setView] = useState<View>(HOME_VIEW);
  const svgRef = useRef<SVGSVGElement>(null);
  const pan = useRef<{ sx: number; sy: number; moved: boolean; start: DOMPoint; view: View } | null>(null);
  const hasMap = fit !== null;

  useWheelZoom(svgRef, setView, LIMITS, hasMap);

  if (!fit) {
    return (
      <p className="muted" data-testid="cell-map-empty">
        No cell of this target is in the case&apos;s cell-site list yet: upload the carrier&apos;s list to place them on the map.
      </p>
    );
  }
  const { projection } = fit;
  const toScreen = (lon: number, lat: number): [number, number] => {
    const [px, py] = projection([lon, lat]) ?? [0, 0];
    return [view.x + view.k * px, view.y + view.k * py];
  };
  const toLonLat = (sx: number, sy: number) => projection.invert?.([(sx - view.x) / view.k, (sy - view.y) / view.k]) ?? null;
  const a = toLonLat(W / 2 - 50, H / 2);
  const b = toLonLat(W / 2 + 50, H / 2);
  const bar = a && b ? scaleBar((geoDistance(a, b) * EARTH_KM) / 100) : null;

  const toUser = (e: { clientX: number; clientY: number }) => svgUserPoint(svgRef.current, e);
  const onPointerDown = (e: ReactPointerEvent<SVGSVGElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    pan.current = { sx: e.clientX, sy: e.clientY, moved: false, start: toUser(e), view };
  };
  const onPointerMove = (e: ReactPointerEvent<SVGSVGElement>) => {
    const g = pan.current;
    if (!g || (!g.moved && Math.hypot(e.clientX - g.sx, e.clientY - g.sy) < CLICK_SLOP)) return;
    g.moved = true;
    const p = toUser(e);
    setView({ ...g.view, x: g.view.x + p.x - g.start.x, y: g.view.y + p.y - g.start.y });
  };

  return (
    <div className={styles.frame}>
      <ZoomTools
        className={styles.tools}
        step={1.5}
        onZoom={(factor) => setView((v) => zoomAt(v, { x: W / 2, y: H / 2 }, factor, LIMITS))}
        onFit={() => setView(HOME_VIEW)}
        testId="cell-map"
      />
      <svg
        ref={svgRef}
        viewBox={`0 0 ${W} ${H}`}
        className={styles.map}
        role="img"
        aria-label={`Map of ${located.length} located cells${base?.place ? ` in ${base.place}` : ""}`}
        data-testid="cell-map"
        data-located={located.length}
        data-zoom={view.k.toFixed(3)}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={() => (pan.current = null)}
        onPointerCancel={() => (pan.current = null)}
      >
        <rect x={0} y={0} width={W} height={H} className={styles.sea} />
        <g transform={`translate(${view.x} ${view.y}) scale(${view.k})`}>
          {base && <path d={base.countries} className={styles.country} />}
          {base?.nation && <path d={base.nation} className={styles.country} />}
          {base?.counties && <path d={base.counties} className={styles.county} />}
          {base?.states && <path d={base.states} className={styles.state} />}
        </g>
        <CellMapOverlay base={base} view={view} width={W} height={H} />
        <CellCallLines calls={calls} toScreen={toScreen} />
        <CellSiteWedges caseId={caseId} located={located} toScreen={toScreen} />
        <CellMapScale bar={bar} height={H} />
        {!atlas && (
          <text x={W - 12} y={H - 12} textAnchor="end" className={styles.note}>
            loading the base map…
          </text>
        )}
      </svg>
      <p className={`muted ${styles.hint}`}>
        Scroll to zoom, drag to pan, click a sector for the records of its cell. Outlines: countries{atlas?.us ? ", states and counties" : ""} (offline, no tiles).
      </p>
    </div>
  );
}
