"use client";

import type { MappingDraft } from "@/lib/client/mapping-draft";
import { TimezoneInput } from "./timezone-input";

/** File-level settings: where the header is (or that there is none) and the zone of the times. */
export function MappingFileOptions({ draft, onChange }: { draft: MappingDraft; onChange: (d: MappingDraft) => void }) {
  return (
    <section className="card" aria-labelledby="file-options-title">
      <div className="card-header">
        <h2 id="file-options-title">File</h2>
      </div>
      <div className="filters">
        <label className="field">
          <span>Header row (line number)</span>
          <input
            type="number"
            min={1}
            value={draft.headerLine}
            disabled={draft.noHeader}
            onChange={(e) => onChange({ ...draft, headerLine: Math.max(1, Number.parseInt(e.target.value, 10) || 1) })}
          />
        </label>
        <label className="check">
          <input type="checkbox" checked={draft.noHeader} onChange={(e) => onChange({ ...draft, noHeader: e.target.checked })} />
          No header row
        </label>
        <TimezoneInput value={draft.timezone} onChange={(timezone) => onChange({ ...draft, timezone })} label="Time zone of the file's times" />
      </div>
    </section>
  );
}
