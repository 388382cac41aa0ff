/**
 * Where a plan's region for national numbers came from (LayoutPlan.regionSource, set by
 * lib/ingest/pipeline/plan-file.ts), in words.
 */
const REGION_SOURCES: Record<string, string> = {
  carrier: "from the carrier",
  preamble: "stated in the file's title lines",
  numbers: "from the file's numbers",
  template: "from the saved template",
  case: "from the case",
  reviewer: "chosen by a reviewer",
  default: "the default",
};

export const REGION_UNKNOWN_NOTE = "Not known: numbers without a country code stay as written.";

/** "from the carrier", "from the file's numbers", … */
export const regionSourcePhrase = (source: string | null | undefined): string => (source ? (REGION_SOURCES[source] ?? `from ${source}`) : "detected");

/** The note under a region picker: the source of a known region, or what happens without one. */
export function describeRegionSource(region: string | null | undefined, source: string | null | undefined): string {
  if (!region) return REGION_UNKNOWN_NOTE;
  const phrase = regionSourcePhrase(source);
  return `${phrase.charAt(0).toUpperCase()}${phrase.slice(1)}.`;
}
