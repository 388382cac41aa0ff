import type { TableSample } from "../../types";
import { analyzeColumns, type ColumnAnalysis } from "../map-columns";
import { AMAZON_CONNECT } from "./amazon-connect";
import { ASTERISK } from "./asterisk";
import { BANDWIDTH } from "./bandwidth";
import { CUCM } from "./cucm";
import { withoutFieldTypes } from "./field-type-line";
import { FREESWITCH } from "./freeswitch";
import { matchHeader } from "./match-header";
import { matchPositional } from "./match-positional";
import { TELNYX } from "./telnyx";
import { THREE_CX } from "./three-cx";
import { TWILIO } from "./twilio";
import type { BuiltinLayout, LayoutFamily } from "./types";

/**
 * Every documented layout, one family per vendor. A new platform is a new table file listed here:
 * the matching is the same for all (match-header.ts, match-positional.ts).
 */
export const FAMILIES: readonly LayoutFamily[] = [ASTERISK, FREESWITCH, CUCM, THREE_CX, TWILIO, TELNYX, BANDWIDTH, AMAZON_CONNECT];

function better(a: BuiltinLayout | null, b: BuiltinLayout | null): BuiltinLayout | null {
  if (!b) return a;
  return !a || b.confidence > a.confidence ? b : a;
}

/**
 * The documented layout a sample is in, or null: headerless files by their column signature,
 * others by their header names; the surest match wins (ties: the earlier family). Field-type lines
 * (CUCM) are set aside first, so they neither count as values nor hide a headerless layout.
 */
export function recognizeLayout(sample: TableSample, analysis: ColumnAnalysis): BuiltinLayout | null {
  const view = withoutFieldTypes(sample);
  const a = view === sample ? analysis : analyzeColumns(view);
  if (view.sampleRows.length === 0) return null;
  let best: BuiltinLayout | null = null;
  for (const family of FAMILIES) {
    if (a.headerless) for (const layout of family.positional) best = better(best, matchPositional(layout, view, a));
    else for (const layout of family.header) best = better(best, matchHeader(layout, view, a));
  }
  return best;
}
