"use client";

import { useState } from "react";
import type { GraphOptions } from "@/lib/client/analytics-api";
import { RECORD_TYPES } from "@/lib/schemas/fields";

/** Edges with fewer events are left out unless the URL says otherwise (the API's default too). */
export const DEFAULT_MIN_WEIGHT = 1;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The link chart's filters as the URL holds them (`from`, `to`, `type`, `minWeight`); anything malformed is dropped. */
export function graphFilterFromUrl(search: URLSearchParams): GraphOptions {
  const date = (k: string) => {
    const v = search.get(k);
    return v && DATE.test(v) ? v : undefined;
  };
  const type = RECORD_TYPES.find((t) => t === search.get("type"));
  const raw = search.get("minWeight");
  const minWeight = raw !== null && /^\d{1,9}$/.test(raw) ? Number(raw) : DEFAULT_MIN_WEIGHT;
  return { from: date("from"), to: date("to"), type, minWeight };
}

/** The filters as URL parameters (undefined ones are removed from the URL). */
export function graphFilterToUrl(f: GraphOptions): Record<string, string | undefined> {
  return { from: f.from, to: f.to, type: f.type, minWeight: f.minWeight === undefined || f.minWeight === DEFAULT_MIN_WEIGHT ? undefined : String(f.minWeight) };
}

/** The filter bar above the chart: a UTC date range, one record type, the lightest edge to keep. */
export function LinkChartFilters({ value, onChange }: { value: GraphOptions; onChange: (f: GraphOptions) => void }) {
  // What is being typed: an emptied field must not snap back to the default under the cursor.
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <div className="filters" role="group" aria-label="Filter the link chart">
      <label className="field">
        <span>From (UTC date)</span>
        <input type="date" value={value.from ?? ""} max={value.to} onChange={(e) => onChange({ ...value, from: e.target.value || undefined })} data-testid="graph-from" />
      </label>
      <label className="field">
        <span>To (UTC date)</span>
        <input type="date" value={value.to ?? ""} min={value.from} onChange={(e) => onChange({ ...value, to: e.target.value || undefined })} data-testid="graph-to" />
      </label>
      <label className="field">
        <span>Type</span>
        <select value={value.type ?? ""} onChange={(e) => onChange({ ...value, type: RECORD_TYPES.find((t) => t === e.target.value) })} data-testid="graph-type">
          <option value="">All types</option>
          {RECORD_TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Min events per link</span>
        <input
          type="number"
          min={0}
          step={1}
          inputMode="numeric"
          value={draft ?? value.minWeight ?? DEFAULT_MIN_WEIGHT}
          onChange={(e) => {
            setDraft(e.target.value);
            if (/^\d{1,9}$/.test(e.target.value)) onChange({ ...value, minWeight: Number(e.target.value) });
          }}
          onBlur={() => setDraft(null)}
          title="Links with fewer calls + messages are left out; 0 keeps data-only links"
          data-testid="graph-min-weight"
        />
      </label>
    </div>
  );
}
