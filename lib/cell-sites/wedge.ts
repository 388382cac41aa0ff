/**
 * Sector wedges on the map (issue 21), in screen space around a site's projected point: an
 * antenna's azimuth is degrees clockwise from north, north is up, and the SVG y axis points down.
 * A sector covers azimuth ± beamwidth/2 (120° when the list gives none); a cell without an azimuth
 * is drawn as a circle (omni).
 */

export const DEFAULT_BEAMWIDTH = 120;

/** The screen point at `radius` from (cx, cy) in compass direction `bearing` (degrees). */
export function pointAt(cx: number, cy: number, radius: number, bearing: number): [number, number] {
  const a = (bearing * Math.PI) / 180;
  return [cx + radius * Math.sin(a), cy - radius * Math.cos(a)];
}

const r2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The SVG path of a sector wedge, or of a full circle when the azimuth is unknown or the beam is
 * 360°. The arc is swept clockwise (sweep flag 1) from azimuth − beam/2 to azimuth + beam/2.
 */
export function wedgePath(cx: number, cy: number, radius: number, azimuth: number | null, beamwidth: number | null): string {
  const beam = Math.min(360, Math.max(1, beamwidth ?? DEFAULT_BEAMWIDTH));
  if (azimuth === null || beam >= 360) {
    return `M${r2(cx - radius)},${r2(cy)}a${r2(radius)},${r2(radius)} 0 1,0 ${r2(2 * radius)},0a${r2(radius)},${r2(radius)} 0 1,0 ${r2(-2 * radius)},0Z`;
  }
  const [x1, y1] = pointAt(cx, cy, radius, azimuth - beam / 2);
  const [x2, y2] = pointAt(cx, cy, radius, azimuth + beam / 2);
  const large = beam > 180 ? 1 : 0;
  return `M${r2(cx)},${r2(cy)}L${r2(x1)},${r2(y1)}A${r2(radius)},${r2(radius)} 0 ${large},1 ${r2(x2)},${r2(y2)}Z`;
}

/** A wedge's radius in pixels (fixed on screen whatever the zoom): grows with the square root of its events (area ∝ events), between min and max. */
export function wedgeRadius(events: number, maxEvents: number, min = 18, max = 34): number {
  if (maxEvents <= 0 || events <= 0) return min;
  return min + (max - min) * Math.sqrt(Math.min(1, events / maxEvents));
}

/** Kilometres per degree of latitude (and of longitude at the equator), on the mean Earth radius. */
export const KM_PER_DEGREE = 111.195;

/**
 * The bounding box [[west, south], [east, north]] to fit the map to: the points, widened to at
 * least `minSpanKm` each way, so one site (or sites a street apart) shows a city with its
 * surroundings, not an empty square of a few hundred metres.
 */
export function fitBounds(points: readonly { latitude: number; longitude: number }[], minSpanKm = 60): [[number, number], [number, number]] | null {
  if (points.length === 0) return null;
  let w = Infinity,
    e = -Infinity,
    s = Infinity,
    n = -Infinity;
  for (const p of points) {
    w = Math.min(w, p.longitude);
    e = Math.max(e, p.longitude);
    s = Math.min(s, p.latitude);
    n = Math.max(n, p.latitude);
  }
  const minLat = minSpanKm / KM_PER_DEGREE;
  // A degree of longitude shrinks with cos(latitude); floored so the poles do not ask for the whole globe.
  const minLon = minSpanKm / (KM_PER_DEGREE * Math.max(0.1, Math.cos((((s + n) / 2) * Math.PI) / 180)));
  const padLon = Math.max(0, (minLon - (e - w)) / 2);
  const padLat = Math.max(0, (minLat - (n - s)) / 2);
  return [
    [w - padLon, Math.max(-85, s - padLat)],
    [e + padLon, Math.min(85, n + padLat)],
  ];
}

/** The longest "nice" distance (1, 2 or 5 × 10ⁿ km) whose scale bar fits in `maxPx` pixels, and its length in pixels. */
export function scaleBar(kmPerPx: number, maxPx = 120): { km: number; px: number } | null {
  if (!(kmPerPx > 0) || !Number.isFinite(kmPerPx)) return null;
  const most = kmPerPx * maxPx;
  const pow = 10 ** Math.floor(Math.log10(most));
  const km = [5, 2, 1].map((m) => m * pow).find((d) => d <= most) ?? pow;
  return { km, px: km / kmPerPx };
}
