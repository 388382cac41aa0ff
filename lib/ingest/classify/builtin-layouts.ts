import type { TableSample } from "../types";
import { recognizeLayout } from "./layouts";
import type { BuiltinLayout } from "./layouts/types";
import type { ColumnAnalysis } from "./map-columns";

export type { BuiltinLayout } from "./layouts/types";

/**
 * Documented layouts beside the four carriers (issue 17): PBX CDRs (Asterisk, FreeSWITCH, Cisco
 * CUCM, 3CX) and CPaaS call logs (Twilio, Telnyx, Bandwidth, Amazon Connect). Each answers with a
 * whole mapping and how sure it is, or null. The layouts are tables, one file per vendor in
 * layouts/; this is the entry plan-layout.ts calls.
 */
export function builtinLayout(sample: TableSample, analysis: ColumnAnalysis): BuiltinLayout | null {
  return recognizeLayout(sample, analysis);
}
