import type { ReactNode } from "react";
import type { LayoutPlan } from "@/lib/schemas/mapping";
import type { JobDto } from "@/lib/schemas/job";
import { formatBytes, formatCarrier, formatDateTime, formatDelimiter, formatDuration } from "@/lib/client/format";
import { ConfidenceMeter } from "./confidence-meter";
import styles from "./job-facts.module.css";

/** Null means "not known yet" before classification and "headerless" after it. */
function headerLine(line: number | null, classified: boolean): string {
  if (line != null) return `line ${line}`;
  return classified ? "none (headerless)" : "—";
}

/** The 0–100 summary (lib/ingest/quality-score.ts), with what it is made of on hover. */
function QualityScore({ score }: { score: number | null }) {
  if (score === null) return <>—</>;
  const word = score >= 90 ? "good" : score >= 70 ? "fair" : "poor";
  return (
    <span
      data-testid="quality-score"
      title="Share of rows that loaded or were exact duplicates, weighted by the mapping's confidence, less 2 points per suspicious timeline gap (at most 10)."
    >
      {score.toFixed(1)} / 100 · {word}
    </span>
  );
}

/** What the engine decided about the file, plus when things happened. */
export function JobFacts({ job, plan }: { job: JobDto; plan: LayoutPlan | null }) {
  const tzSource = plan?.timezoneSource ? ` (${plan.timezoneSource})` : "";
  const elapsed = job.startedAt && job.finishedAt ? (Date.parse(job.finishedAt) - Date.parse(job.startedAt)) / 1000 : null;
  const facts: [string, ReactNode][] = [
    ["Carrier", formatCarrier(job.carrier ?? plan?.carrier)],
    ["Confidence", <ConfidenceMeter key="c" value={job.confidence ?? plan?.confidence ?? null} />],
    ["Format", (job.format ?? plan?.format)?.toUpperCase() ?? "—"],
    ["Encoding", job.encoding ?? plan?.encoding ?? "—"],
    ["Delimiter", formatDelimiter(job.delimiter ?? plan?.delimiter)],
    ["Header line", headerLine(job.headerLine ?? plan?.headerLine ?? null, plan != null)],
    ["Time zone", `${job.timezone ?? plan?.timezone ?? "—"}${tzSource}`],
    ["Target", job.target ?? plan?.target ?? "—"],
    ["Quality", <QualityScore key="q" score={job.qualityScore} />],
    ["Size", formatBytes(job.sizeBytes)],
    ["Created", formatDateTime(job.createdAt)],
    ["Finished", job.finishedAt ? `${formatDateTime(job.finishedAt)}${elapsed != null ? ` · took ${formatDuration(elapsed)}` : ""}` : "—"],
    ["Attempts", String(job.attempts)],
  ];
  return (
    <dl className={styles.facts}>
      {facts.map(([label, value]) => (
        <div key={label} className={styles.fact}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
