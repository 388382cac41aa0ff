"use client";

import { useTimeline } from "@/lib/client/use-contacts";
import { useGapThreshold } from "@/lib/client/use-gap-threshold";
import type { CaseDto } from "@/lib/schemas/case";
import { GapThresholdForm } from "./gap-threshold-form";
import { TargetTimelineChart } from "./target-timeline-chart";

/** The case roles that may change the case's analysis settings: the rule of requireAnalysisEdit (lib/data/gap-thresholds.ts); the API decides. */
const canEditAnalysisIn = (c: Pick<CaseDto, "myRole" | "canManage">) => (c.myRole === null ? c.canManage : c.myRole === "analyst" || c.myRole === "reviewer");

/**
 * The contacts page's timeline card: a target's events per day across every file of it in the
 * case, the silences its gap threshold reports (the form sets the threshold), and its handset and
 * SIM changes as markers.
 */
export function TargetTimelineCard({ activeCase, target }: { activeCase: CaseDto; target: string }) {
  const timeline = useTimeline(activeCase.id, target);
  const threshold = useGapThreshold(activeCase.id, target);
  return (
    <section className="card" aria-labelledby="timeline-title">
      <div className="card-header">
        <h2 id="timeline-title">Timeline</h2>
        <span className="muted">across every file of the target in the case</span>
      </div>
      <div className="card-body stack">
        {threshold.data && <GapThresholdForm caseId={activeCase.id} target={target} threshold={threshold.data} canEdit={canEditAnalysisIn(activeCase)} />}
        {timeline.data ? <TargetTimelineChart timeline={timeline.data} threshold={threshold.data} /> : <p className="muted">{timeline.error?.message ?? "Loading…"}</p>}
      </div>
    </section>
  );
}
