"use client";

import { geoContains, geoPath, type GeoProjection } from "d3-geo";
import type { Feature, Geometry, MultiLineString } from "geojson";
import { useEffect, useMemo, useState } from "react";
import { feature, mesh } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

type Named = Feature<Geometry, { name?: string } | null>;

interface Atlas {
  countries: Named[];
  /**
   * Only when the map is in the United States: us-atlas counties (id = state FIPS + county FIPS) and
   * states, their inner borders (meshes: a coast is not a border) and the 1:10m nation for the coast.
   */
  us: { counties: Named[]; states: Named[]; countyBorders: MultiLineString; stateBorders: MultiLineString; nation: Named[] } | null;
}

/** A place name drawn at its centroid (projected, before the zoom). */
export interface PlaceLabel {
  name: string;
  x: number;
  y: number;
}

/** The projected base map: one path per layer (thousands of counties as one element), labels, and the place under the cells. */
export interface BaseMap {
  countries: string;
  /** The US land at 1:10m, over the 1:50m countries: a finer coast where the cells are. */
  nation: string;
  states: string;
  counties: string;
  countyLabels: PlaceLabel[];
  stateLabels: PlaceLabel[];
  place: string | null;
}

/** The box holding the 50 states, DC and Puerto Rico: only a map inside it loads the counties. */
export const inUsBox = ([lon, lat]: [number, number]) => lon >= -179.2 && lon <= -64.5 && lat >= 17.5 && lat <= 71.5;

const featuresOf = (topo: Topology, name: string): Named[] => {
  const fc = feature(topo, topo.objects[name] as GeometryCollection);
  return ("features" in fc ? fc.features : [fc]) as Named[];
};
const usLayers = (u: Topology) => ({
  counties: featuresOf(u, "counties"),
  states: featuresOf(u, "states"),
  nation: featuresOf(u, "nation"),
  countyBorders: mesh(u, u.objects.counties as GeometryCollection, (a, b) => a !== b),
  stateBorders: mesh(u, u.objects.states as GeometryCollection, (a, b) => a !== b),
});
const topology = (m: unknown) => ((m as { default?: unknown }).default ?? m) as Topology;

/**
 * The offline base map, read from the packages' JSON on first use (dynamic imports, so only this
 * page's chunks carry them): world-atlas countries (1:50m, ~750 KB) everywhere, and us-atlas
 * counties-10m (~840 KB, which also holds the states) only when the cells are in the US.
 */
export function useAtlas(inUs: boolean): Atlas | null {
  const [atlas, setAtlas] = useState<{ inUs: boolean; atlas: Atlas } | null>(null);
  useEffect(() => {
    let live = true;
    void loadAtlas(inUs).then((a) => live && setAtlas({ inUs, atlas: a }));
    return () => {
      live = false;
    };
  }, [inUs]);
  return atlas?.inUs === inUs ? atlas.atlas : null;
}

// Parsed once per page load: switching targets must not decode and mesh ~1.6 MB of TopoJSON again.
const loaded = new Map<boolean, Promise<Atlas>>();
function loadAtlas(inUs: boolean): Promise<Atlas> {
  const cached = loaded.get(inUs);
  if (cached) return cached;
  const next = Promise.all([import("world-atlas/countries-50m.json"), inUs ? import("us-atlas/counties-10m.json") : null]).then(([world, us]) => ({
    countries: featuresOf(topology(world), "countries"),
    us: us ? usLayers(topology(us)) : null,
  }));
  loaded.set(inUs, next);
  return next;
}

const COUNTY_WORD: Record<string, string> = { "22": "Parish", "02": "" };

/** "Harris County, Texas": a county's name as people say it (Louisiana has parishes; Virginia's independent cities are no county). */
function countyName(c: Named, states: Map<string, string>): string {
  const id = String(c.id ?? "");
  const state = states.get(id.slice(0, 2));
  const name = c.properties?.name ?? "";
  const word = id.startsWith("51") && Number(id.slice(2)) >= 510 ? "(city)" : (COUNTY_WORD[id.slice(0, 2)] ?? "County");
  return `${name}${word ? ` ${word}` : ""}${state ? `, ${state}` : ""}`;
}

const labelsOf = (list: Named[], path: ReturnType<typeof geoPath>): PlaceLabel[] =>
  list.flatMap((f) => {
    const [x, y] = path.centroid(f);
    return f.properties?.name && Number.isFinite(x) && Number.isFinite(y) ? [{ name: f.properties.name, x, y }] : [];
  });

/** The atlas drawn through the projection, and the name of the county (or country) at `centre`. Computed once per fit, not per zoom. */
export function useBaseMap(projection: GeoProjection | null, atlas: Atlas | null, centre: [number, number] | null): BaseMap | null {
  return useMemo(() => {
    if (!projection || !atlas) return null;
    const path = geoPath(projection);
    const join = (list: Named[]) => list.map((f) => path(f) ?? "").join("");
    const us = atlas.us;
    const stateNames = new Map((us?.states ?? []).map((s) => [String(s.id ?? ""), s.properties?.name ?? ""]));
    const county = centre && us ? us.counties.find((c) => geoContains(c, centre)) : undefined;
    const country = centre && !county ? atlas.countries.find((c) => geoContains(c, centre)) : undefined;
    return {
      countries: join(atlas.countries),
      nation: us ? join(us.nation) : "",
      states: us ? (path(us.stateBorders) ?? "") : "",
      counties: us ? (path(us.countyBorders) ?? "") : "",
      countyLabels: us ? labelsOf(us.counties, path) : [],
      stateLabels: us ? labelsOf(us.states, path) : [],
      place: county ? countyName(county, stateNames) : (country?.properties?.name ?? null),
    };
  }, [projection, atlas, centre]);
}
