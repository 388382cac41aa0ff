import { describe, expect, it } from "vitest";
import { fitBounds, KM_PER_DEGREE, pointAt, scaleBar, wedgePath, wedgeRadius } from "./wedge";

const close = (a: [number, number], b: [number, number]) => {
  expect(a[0]).toBeCloseTo(b[0], 6);
  expect(a[1]).toBeCloseTo(b[1], 6);
};

describe("sector wedges", () => {
  it("points north up, east right, south down (SVG y grows downwards)", () => {
    close(pointAt(100, 100, 10, 0), [100, 90]);
    close(pointAt(100, 100, 10, 90), [110, 100]);
    close(pointAt(100, 100, 10, 180), [100, 110]);
    close(pointAt(100, 100, 10, 270), [90, 100]);
  });

  it("draws azimuth ± beamwidth/2 clockwise, 120° by default", () => {
    // Azimuth 90 (east), default 120°: from bearing 30 to bearing 150.
    const [x1, y1] = pointAt(0, 0, 20, 30);
    const [x2, y2] = pointAt(0, 0, 20, 150);
    const r = (n: number) => Math.round(n * 100) / 100;
    expect(wedgePath(0, 0, 20, 90, null)).toBe(`M0,0L${r(x1)},${r(y1)}A20,20 0 0,1 ${r(x2)},${r(y2)}Z`);
    expect(x1).toBeGreaterThan(0);
    expect(y1).toBeLessThan(0); // bearing 30 is up and to the right
    expect(y2).toBeGreaterThan(0); // bearing 150 is down and to the right
  });

  it("uses the large arc past 180° and a circle with no azimuth or a 360° beam", () => {
    expect(wedgePath(0, 0, 10, 0, 240)).toContain(" 0 1,1 ");
    expect(wedgePath(0, 0, 10, 0, 60)).toContain(" 0 0,1 ");
    const omni = wedgePath(50, 50, 10, null, null);
    expect(omni.startsWith("M40,50a10,10")).toBe(true);
    expect(wedgePath(50, 50, 10, 45, 360)).toBe(omni);
  });

  it("sizes by events, area proportional, within bounds", () => {
    expect(wedgeRadius(0, 10)).toBe(18);
    expect(wedgeRadius(10, 10)).toBe(34);
    expect(wedgeRadius(25, 100)).toBe(18 + 16 * 0.5);
    expect(wedgeRadius(500, 100)).toBe(34);
  });

  it("fits to the points, widened to 60 km for sites close together", () => {
    expect(fitBounds([])).toBeNull();
    const [[w, s], [e, n]] = fitBounds([{ latitude: 41.88, longitude: -87.63 }])!;
    expect((n - s) * KM_PER_DEGREE).toBeCloseTo(60, 6);
    expect((e - w) * KM_PER_DEGREE * Math.cos((41.88 * Math.PI) / 180)).toBeCloseTo(60, 6);
    expect(w + e).toBeCloseTo(2 * -87.63, 9);
    expect(
      fitBounds([
        { latitude: 40, longitude: -90 },
        { latitude: 42, longitude: -87 },
      ]),
    ).toEqual([
      [-90, 40],
      [-87, 42],
    ]);
  });

  it("picks a 1-2-5 scale bar that fits", () => {
    expect(scaleBar(0.1)).toEqual({ km: 10, px: 100 });
    expect(scaleBar(0.05)).toEqual({ km: 5, px: 100 });
    const bar = scaleBar(0.3)!; // 36 km fit: 20 km
    expect(bar.km).toBe(20);
    expect(bar.px).toBeCloseTo(66.67, 2);
    expect(scaleBar(0)).toBeNull();
  });
});
