"use client";

import { useEffect, type Dispatch, type RefObject, type SetStateAction } from "react";

/** A pan and zoom of an SVG drawing: a point p is drawn at (x + k·p.x, y + k·p.y). */
export interface View {
  k: number;
  x: number;
  y: number;
}

export const HOME_VIEW: View = { k: 1, x: 0, y: 0 };

/** Below this many pixels a press is a click, not a drag. */
export const CLICK_SLOP = 3;

export interface ZoomLimits {
  min: number;
  max: number;
}

/** The view zoomed by `factor` around point p (SVG user units): what is under p stays under p. */
export function zoomAt(v: View, p: { x: number; y: number }, factor: number, limits: ZoomLimits): View {
  const k = Math.min(limits.max, Math.max(limits.min, v.k * factor));
  const f = k / v.k;
  return { k, x: p.x - (p.x - v.x) * f, y: p.y - (p.y - v.y) * f };
}

/** A pointer position in the SVG's user units (its viewBox), whatever the SVG's size on screen. */
export function svgUserPoint(svg: SVGSVGElement | null, e: { clientX: number; clientY: number }): DOMPoint {
  const ctm = svg?.getScreenCTM();
  const p = new DOMPoint(e.clientX, e.clientY);
  return ctm ? p.matrixTransform(ctm.inverse()) : p;
}

/**
 * Wheel zoom around the cursor. React's wheel listener is passive, and zooming must stop the page
 * from scrolling, so the listener is added by hand; `active` re-attaches it when the SVG appears.
 */
export function useWheelZoom(svgRef: RefObject<SVGSVGElement | null>, setView: Dispatch<SetStateAction<View>>, limits: ZoomLimits, active: unknown = true): void {
  const { min, max } = limits;
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const p = svgUserPoint(svg, e);
      setView((v) => zoomAt(v, p, Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.002)), { min, max }));
    };
    svg.addEventListener("wheel", onWheel, { passive: false });
    return () => svg.removeEventListener("wheel", onWheel);
  }, [svgRef, setView, min, max, active]);
}
