import type { Carrier } from "../../schemas/fields";
import type { ColumnAnalysis } from "./map-columns";

/** The four carriers classified by header and value markers (built-in PBX layouts are recognized in builtin-layouts.ts). */
type KnownCarrier = "att" | "verizon" | "tmobile" | "sprint";

/**
 * Normalized header texts (see normalizeHeader) that each carrier's layout uses, with weights:
 * headers only one carrier uses weigh most; wording several layouts share weighs little.
 */
const HEADER_MARKERS: Record<KnownCarrier, Record<string, number>> = {
  att: {
    item: 2,
    "connection date": 3,
    "connection time": 3,
    "seizure time": 3,
    et: 3,
    ct: 3,
    "originating number": 1,
    "terminating number": 1,
    feature: 2,
    "cell location": 2,
    imei: 0.5,
    imsi: 0.5,
  },
  verizon: {
    "network element name": 3,
    "mobile directory number": 3,
    "call direction": 2,
    "seizure date time": 3,
    "dialed digit number": 3,
    "call duration": 1,
    "service type": 1,
    "cell site": 1.5,
    sector: 1.5,
    "originating number": 0.5,
    "terminating number": 0.5,
  },
  tmobile: {
    date: 0.5,
    time: 0.5,
    "calling number": 1.5,
    "called number": 1.5,
    "dialed number": 1.5,
    duration: 0.5,
    "call type": 1,
    "1st cell id": 3,
    "last cell id": 3,
    imei: 0.5,
    imsi: 0.5,
  },
  sprint: {
    "calling number": 1,
    "called number": 1,
    "dialed digits": 1,
    "start date": 1.5,
    "end date": 1.5,
    "duration seconds": 1,
    "call type": 0.5,
    neid: 3,
    repoll: 3,
    "first cell": 2,
    "last cell": 2,
    "m r": 2,
  },
};

const PREAMBLE_MARKERS: Record<KnownCarrier, RegExp> = {
  att: /\bAT\s?&\s?T\b|\bATT Mobility\b|\bCingular\b/i,
  verizon: /\bVerizon\b|\bCellco\b/i,
  tmobile: /\bT[-\s]?Mobile\b|\bMetroPCS\b|\bMetro by T/i,
  sprint: /\bSprint\b|\bNextel\b|\bBoost Mobile\b/i,
};

export interface CarrierDecision {
  carrier: Carrier;
  /** How sure the classification is, in [0,1]; 0.5 for a confident "unknown". */
  confidence: number;
  scores: Record<KnownCarrier, number>;
}

/** Share of sample values per column that only one carrier prints. */
function valueMarkers(a: ColumnAnalysis): Record<KnownCarrier, number> {
  const out: Record<KnownCarrier, number> = { att: 0, verizon: 0, tmobile: 0, sprint: 0 };
  for (let i = 0; i < a.values.length; i++) {
    const vals = a.values[i]!.map((v) => v.trim()).filter((v) => v !== "");
    if (vals.length === 0) continue;
    const share = (re: RegExp) => vals.filter((v) => re.test(v)).length / vals.length;
    out.tmobile = Math.max(out.tmobile, share(/^mS(Originating|Terminating)/));
    out.att = Math.max(out.att, share(/^\[[A-Z, ]*\]$/), share(/^SMSM[OT]$/) * 2);
    out.verizon = Math.max(out.verizon, a.profiles[i]!.switchName);
    out.sprint = Math.max(out.sprint, share(/^SMS-M[OT]$/) * 2);
  }
  for (const k of Object.keys(out) as KnownCarrier[]) out[k] = Math.min(1, out[k]);
  return out;
}

export function classifyCarrier(preamble: string[], a: ColumnAnalysis): CarrierDecision {
  const texts = a.headerless ? [] : a.headers.map((h) => h.normalized.text);
  const values = valueMarkers(a);
  const preambleText = preamble.join("\n");
  const scores = { att: 0, verizon: 0, tmobile: 0, sprint: 0 } as Record<KnownCarrier, number>;
  for (const carrier of Object.keys(HEADER_MARKERS) as KnownCarrier[]) {
    const markers = HEADER_MARKERS[carrier];
    const total = Object.values(markers).reduce((s, w) => s + w, 0);
    const hit = texts.reduce((s, t) => s + (markers[t] ?? 0), 0);
    const header = hit / total;
    const said = PREAMBLE_MARKERS[carrier].test(preambleText) ? 1 : 0;
    scores[carrier] = Math.min(1, 0.75 * header + 0.35 * values[carrier] + 0.5 * said);
  }
  const ranked = (Object.entries(scores) as [KnownCarrier, number][]).sort((x, y) => y[1] - x[1]);
  const [best, second] = [ranked[0]!, ranked[1]!];
  if (best[1] < 0.45 || best[1] - second[1] < 0.1) return { carrier: "unknown", confidence: 0.5, scores };
  return { carrier: best[0], confidence: Math.min(1, 0.5 + best[1] - second[1] / 2), scores };
}
