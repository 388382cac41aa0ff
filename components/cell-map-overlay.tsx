"use client";

import type { BaseMap, PlaceLabel } from "./cell-map-base";
import styles from "./cell-map.module.css";

/** More names than this in view and the layer's labels would only be clutter. */
const MAX_LABELS = 30;

/**
 * Place names over the base map, in screen space (a fixed size at any zoom): the counties in view
 * when few enough, else the states; and, bottom right, the county (or country) under the cells.
 */
export function CellMapOverlay({ base, view, width, height }: { base: BaseMap | null; view: { k: number; x: number; y: number }; width: number; height: number }) {
  if (!base) return null;
  const inView = (list: PlaceLabel[]) =>
    list.flatMap((l) => {
      const x = view.x + view.k * l.x;
      const y = view.y + view.k * l.y;
      return x > 40 && x < width - 40 && y > 14 && y < height - 30 ? [{ ...l, x, y }] : [];
    });
  const counties = inView(base.countyLabels);
  const states = counties.length > 0 && counties.length <= MAX_LABELS ? [] : inView(base.stateLabels);
  const shown = counties.length > 0 && counties.length <= MAX_LABELS ? counties : states.length <= MAX_LABELS ? states : [];
  return (
    <g className={styles.labels} aria-hidden="true">
      {shown.map((l) => (
        <text key={`${l.name}${l.x}`} x={l.x} y={l.y} textAnchor="middle" className={shown === states ? styles.stateLabel : styles.countyLabel}>
          {l.name}
        </text>
      ))}
      {base.place && (
        <text x={width - 12} y={height - 12} textAnchor="end" className={styles.place} data-testid="cell-map-place">
          {base.place}
        </text>
      )}
    </g>
  );
}

/** The scale bar (bottom left, measured at the centre of the view) and the north arrow (Mercator: north is up everywhere). */
export function CellMapScale({ bar, height: H }: { bar: { km: number; px: number } | null; height: number }) {
  return (
    <>
      {bar && (
        <g transform={`translate(16 ${H - 18})`} className={styles.scale} data-testid="cell-map-scale" data-km={bar.km}>
          <rect x={-6} y={-20} width={bar.px + 12} height={28} className={styles.scaleBack} />
          <path d={`M0,-5V0H${bar.px.toFixed(1)}V-5`} />
          <text x={bar.px / 2} y={-8} textAnchor="middle">
            {bar.km >= 1 ? `${bar.km} km` : `${Math.round(bar.km * 1000)} m`}
          </text>
        </g>
      )}
      <g transform="translate(26 20)" className={styles.north} aria-label="North is up">
        <path d="M0,0L7,18L0,14L-7,18Z" />
        <text y={32} textAnchor="middle">
          N
        </text>
      </g>
    </>
  );
}
