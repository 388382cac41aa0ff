"use client";

import type { RecordFilter } from "@/lib/client/admin-api";
import { DIRECTIONS, RECORD_TYPES } from "@/lib/schemas/fields";

interface Props {
  value: RecordFilter;
  onChange: (f: RecordFilter) => void;
  includeDuplicates: boolean;
  onIncludeDuplicates: (v: boolean) => void;
}

/**
 * Number (any part of caller, callee or target), handset (IMEI), subscriber (IMSI), cell, UTC time
 * range, record type, direction, duration range in seconds, job, and whether to list duplicate legs.
 * Every filter narrows the others.
 */
export function RecordsFilters({ value, onChange, includeDuplicates, onIncludeDuplicates }: Props) {
  const set = (k: keyof RecordFilter) => (e: { target: { value: string } }) => onChange({ ...value, [k]: e.target.value.trim() || undefined });
  // Times are stored as UTC ISO text; a datetime-local value read as UTC compares correctly with it.
  const local = (iso: string | undefined) => (iso ? iso.slice(0, 16) : "");
  const setTime = (k: "from" | "to") => (e: { target: { value: string } }) =>
    onChange({ ...value, [k]: e.target.value ? `${e.target.value}:${k === "from" ? "00" : "59"}Z` : undefined });
  return (
    <div className="filters" role="group" aria-label="Filter records">
      <label className="field">
        <span>Number</span>
        <input value={value.number ?? ""} onChange={set("number")} inputMode="tel" placeholder="+1312… or 1001" />
      </label>
      <label className="field">
        <span>IMEI</span>
        <input value={value.imei ?? ""} onChange={set("imei")} inputMode="numeric" spellCheck={false} placeholder="15 digits" data-testid="filter-imei" />
      </label>
      <label className="field">
        <span>IMSI</span>
        <input value={value.imsi ?? ""} onChange={set("imsi")} inputMode="numeric" spellCheck={false} placeholder="310260…" data-testid="filter-imsi" />
      </label>
      <label className="field">
        <span>Cell</span>
        <input value={value.cell ?? ""} onChange={set("cell")} spellCheck={false} title="The call's first or last cell id" data-testid="filter-cell" />
      </label>
      <label className="field">
        <span>From (UTC)</span>
        <input type="datetime-local" value={local(value.from)} onChange={setTime("from")} />
      </label>
      <label className="field">
        <span>To (UTC)</span>
        <input type="datetime-local" value={local(value.to)} onChange={setTime("to")} />
      </label>
      <label className="field">
        <span>Type</span>
        <select value={value.type ?? ""} onChange={set("type")}>
          <option value="">All types</option>
          {RECORD_TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Direction</span>
        <select value={value.direction ?? ""} onChange={set("direction")} data-testid="filter-direction">
          <option value="">Both directions</option>
          {DIRECTIONS.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Min duration (s)</span>
        <input type="number" min={0} step={1} value={value.minDuration ?? ""} onChange={set("minDuration")} inputMode="numeric" data-testid="filter-min-duration" />
      </label>
      <label className="field">
        <span>Max duration (s)</span>
        <input type="number" min={0} step={1} value={value.maxDuration ?? ""} onChange={set("maxDuration")} inputMode="numeric" data-testid="filter-max-duration" />
      </label>
      <label className="field">
        <span>Job id</span>
        <input value={value.jobId ?? ""} onChange={set("jobId")} spellCheck={false} />
      </label>
      <label
        className="check"
        title="The same call reported twice (by both parties' carriers, or as two switch legs) is linked and counted once; its other report is hidden unless shown here."
      >
        <input type="checkbox" checked={includeDuplicates} onChange={(e) => onIncludeDuplicates(e.target.checked)} data-testid="show-duplicates" />
        Show duplicate legs
      </label>
    </div>
  );
}
