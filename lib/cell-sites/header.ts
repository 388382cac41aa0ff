/**
 * The header of a cell-site list: which column is the cell, the site, the sector, the
 * coordinates, the antenna's azimuth and beamwidth, and the words that label the site. Carriers
 * name them differently ("Cell ID", "CI", "LAC-CI", "eNodeB", "Lat", "Long", "Az", "Bearing", "Beam
 * Width", "Address"…); a name is compared lower-cased, without units in parentheses and with
 * punctuation as spaces ("Azimuth (deg)" → "azimuth", "LAC/CI" → "lac ci").
 */

export type ListField = "cell" | "site" | "sector" | "latitude" | "longitude" | "azimuth" | "beamwidth" | "label";

const SYNONYMS: Record<ListField, readonly string[]> = {
  cell: [
    "cell id",
    "cellid",
    "cell",
    "ci",
    "cgi",
    "ecgi",
    "lac ci",
    "lacci",
    "cell identity",
    "cell global identity",
    "cell site",
    "cell location",
    "cell site id",
    "eci",
    "nci",
    "cell key",
  ],
  site: [
    "site id",
    "siteid",
    "site",
    "site number",
    "site no",
    "enodeb",
    "enodeb id",
    "enb",
    "enb id",
    "gnodeb",
    "gnodeb id",
    "gnb id",
    "bts",
    "bts id",
    "nodeb",
    "nodeb id",
    "cell site number",
    "switch site",
  ],
  sector: ["sector", "sector id", "sector number", "sector no", "sect", "face", "cell number", "local cell id"],
  latitude: ["latitude", "lat", "lat dd", "latitude dd", "latitude decimal", "site latitude", "tower latitude", "y"],
  longitude: ["longitude", "long", "lon", "lng", "long dd", "longitude dd", "longitude decimal", "site longitude", "tower longitude", "x"],
  azimuth: ["azimuth", "az", "azi", "bearing", "orientation", "antenna azimuth", "sector azimuth", "azimuth degrees", "direction degrees"],
  beamwidth: ["beamwidth", "beam width", "bw", "hbw", "horizontal beamwidth", "horizontal beam width", "antenna beamwidth", "beamwidth degrees"],
  label: [
    "address",
    "site name",
    "sitename",
    "name",
    "location",
    "description",
    "street",
    "street address",
    "site address",
    "city",
    "state",
    "zip",
    "zip code",
    "county",
    "tower name",
  ],
};

const LOOKUP = new Map<string, ListField>();
for (const [field, names] of Object.entries(SYNONYMS) as [ListField, readonly string[]][]) for (const n of names) LOOKUP.set(n, field);

/** A header cell as compared: lower case, units in parentheses dropped, punctuation → spaces. */
export function headerWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, " ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Which list field a header names, or null. */
export function fieldOfHeader(text: string): ListField | null {
  return LOOKUP.get(headerWords(text)) ?? null;
}

/** The columns of each field (label may have several: name, address, city… joined in order). */
export interface HeaderColumns {
  cell: number | null;
  site: number | null;
  sector: number | null;
  latitude: number;
  longitude: number;
  azimuth: number | null;
  beamwidth: number | null;
  label: number[];
}

/** The header a row would be: latitude, longitude and a cell or site column; else null. */
export function headerOf(row: readonly string[]): HeaderColumns | null {
  const found: Partial<Record<Exclude<ListField, "label">, number>> = {};
  const label: number[] = [];
  row.forEach((text, i) => {
    const f = fieldOfHeader(text);
    if (f === "label") label.push(i);
    else if (f && found[f] === undefined) found[f] = i;
  });
  if (found.latitude === undefined || found.longitude === undefined) return null;
  if (found.cell === undefined && found.site === undefined) return null;
  return {
    cell: found.cell ?? null,
    site: found.site ?? null,
    sector: found.sector ?? null,
    latitude: found.latitude,
    longitude: found.longitude,
    azimuth: found.azimuth ?? null,
    beamwidth: found.beamwidth ?? null,
    label,
  };
}

/** How many rows before the header a list may have (a title, the carrier's name, a date…). */
export const HEADER_SEARCH_ROWS = 30;
