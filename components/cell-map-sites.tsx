"use client";

import { useRouter } from "next/navigation";
import { hrefWithCase } from "@/lib/client/case-url";
import { DEFAULT_BEAMWIDTH, wedgePath, wedgeRadius } from "@/lib/cell-sites/wedge";
import type { CellCall, TargetCell } from "@/lib/schemas/cells";
import styles from "./cell-map.module.css";

/** A cell the case's list places. */
export type LocatedCell = TargetCell & { site: NonNullable<TargetCell["site"]> };

/** Longitude, latitude → screen point (projection, then the zoom and pan). */
export type ToScreen = (lon: number, lat: number) => [number, number];

/** Degrees left out on each side of a sector when its site has several, so neighbours do not melt into one shape. */
const GAP = 3;

const siteKey = (c: LocatedCell) => `${c.site.latitude},${c.site.longitude}`;

/** The calls that started and ended at two different points, as lines between them. */
export function CellCallLines({ calls, toScreen }: { calls: CellCall[]; toScreen: ToScreen }) {
  const lines = calls.filter((c) => c.first && c.last && (c.first.lat !== c.last.lat || c.first.lon !== c.last.lon));
  return (
    <g className={styles.calls}>
      {lines.map((c) => {
        const [x1, y1] = toScreen(c.first!.lon, c.first!.lat);
        const [x2, y2] = toScreen(c.last!.lon, c.last!.lat);
        return (
          <line key={c.id} x1={x1} y1={y1} x2={x2} y2={y2} className={styles.call} data-testid="cell-call-line">
            <title>{`${c.start}: ${c.cellFirst} → ${c.cellLast}`}</title>
          </line>
        );
      })}
    </g>
  );
}

/**
 * The sectors of each site around its one point, with a dot on the mast: a fixed pixel radius that
 * grows with the events (so a wedge stays readable at any zoom) and darker with more; each sector
 * has its own tooltip and links to the records of its cell.
 */
export function CellSiteWedges({ caseId, located, toScreen }: { caseId: number; located: LocatedCell[]; toScreen: ToScreen }) {
  const router = useRouter();
  const maxEvents = Math.max(1, ...located.map((c) => c.events));
  const sites = new Map<string, LocatedCell[]>();
  for (const c of located) sites.set(siteKey(c), [...(sites.get(siteKey(c)) ?? []), c]);

  return (
    <g>
      {[...sites.entries()].map(([key, sectors]) => {
        const [x, y] = toScreen(sectors[0]!.site.longitude, sectors[0]!.site.latitude);
        const shared = sectors.length > 1;
        // Largest first, so a smaller sector of the same site stays on top and clickable.
        const ordered = [...sectors].sort((a, b) => b.events - a.events);
        return (
          <g key={key} data-testid="cell-site" data-cells={sectors.length}>
            {ordered.map((c) => {
              const href = hrefWithCase("/records", caseId, { cell: c.cell });
              const beam = c.site.beamwidth ?? DEFAULT_BEAMWIDTH;
              const drawn = shared && c.site.azimuth !== null && beam < 360 ? Math.max(10, beam - 2 * GAP) : c.site.beamwidth;
              return (
                <a
                  key={c.cell}
                  href={href}
                  onPointerDown={(e) => e.stopPropagation()}
                  onClick={(e) => {
                    e.preventDefault();
                    router.push(href);
                  }}
                >
                  <path
                    d={wedgePath(x, y, wedgeRadius(c.events, maxEvents), c.site.azimuth, drawn)}
                    className={styles.wedge}
                    style={{ fillOpacity: 0.3 + 0.55 * (c.events / maxEvents) }}
                    data-testid="cell-wedge"
                    data-cell={c.cell}
                  >
                    <title>{`${c.cell} · ${c.events} events${c.site.label ? ` · ${c.site.label}` : ""}${c.site.azimuth === null ? " · no azimuth (omni)" : ` · azimuth ${c.site.azimuth}°, beam ${beam}°`}`}</title>
                  </path>
                </a>
              );
            })}
            <circle cx={x} cy={y} r={3.5} className={styles.mast}>
              <title>{`${sectors[0]!.site.label ?? "Site"}: ${sectors.map((c) => c.cell).join(", ")}`}</title>
            </circle>
          </g>
        );
      })}
    </g>
  );
}
