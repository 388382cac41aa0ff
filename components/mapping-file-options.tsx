"use client";

import type { LayoutPlan } from "@/lib/schemas/mapping";
import { regionLabel } from "@/lib/schemas/regions";
import { draftRegion, type MappingDraft } from "@/lib/client/mapping-draft";
import { describeRegionSource, REGION_UNKNOWN_NOTE, regionSourcePhrase } from "@/lib/client/region-source";
import { RegionSelect } from "./region-select";
import { TimezoneInput } from "./timezone-input";
import type { MappingProblem } from "@/lib/schemas/mapping-problems";
import { FieldProblem, problemsOn } from "./field-problem";
import styles from "./mapping-file-options.module.css";

interface Props {
  draft: MappingDraft;
  onChange: (d: MappingDraft) => void;
  /** The detected plan's region and where it came from (the preset of the region picker). */
  detected: Pick<LayoutPlan, "region" | "regionSource">;
  /** What stops the mapping from being confirmed (checkMapping); the zone's and the header row's show here. */
  problems: MappingProblem[];
}

/** File-level settings: where the header is (or that there is none), the zone of the times, the region of national numbers. */
export function MappingFileOptions({ draft, onChange, detected, problems }: Props) {
  const zoneProblems = problemsOn(problems, "timezone");
  const headerProblems = problemsOn(problems, "headerLine");
  const chosen = draft.region !== undefined;
  const region = draftRegion(draft, detected);
  const detectedText = detected.region ? `${regionLabel(detected.region)}, ${regionSourcePhrase(detected.regionSource)}` : "not known";
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
            aria-invalid={headerProblems.length > 0 || undefined}
            aria-describedby={headerProblems.length > 0 ? "header-problem" : undefined}
          />
          <FieldProblem problems={headerProblems} id="header-problem" />
        </label>
        <label className="check">
          <input type="checkbox" checked={draft.noHeader} onChange={(e) => onChange({ ...draft, noHeader: e.target.checked })} />
          No header row
        </label>
        <div>
          <TimezoneInput
            value={draft.timezone}
            onChange={(timezone) => onChange({ ...draft, timezone })}
            label="Time zone of the file's times"
            invalid={zoneProblems.length > 0}
            describedBy={zoneProblems.length > 0 ? "zone-problem" : undefined}
          />
          <FieldProblem problems={zoneProblems} id="zone-problem" />
        </div>
        <div className={styles.region}>
          <RegionSelect
            label="Region for national numbers"
            noneLabel="Not known"
            value={region ?? ""}
            onChange={(code) => onChange({ ...draft, region: code || null })}
            note={
              <span data-testid="region-source">
                {!chosen ? describeRegionSource(region, detected.regionSource) : region ? `Chosen here (detected: ${detectedText}).` : REGION_UNKNOWN_NOTE}
                {chosen && (
                  <>
                    {" "}
                    <button type="button" className={styles.reset} onClick={() => onChange({ ...draft, region: undefined })}>
                      Use the detected region
                    </button>
                  </>
                )}
              </span>
            }
          />
        </div>
      </div>
    </section>
  );
}
