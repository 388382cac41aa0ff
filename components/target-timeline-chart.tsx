import type { DeviceChange, GapThresholdDto } from "@/lib/schemas/analytics";
import type { TimelineResponse } from "@/lib/schemas/responses";
import styles from "./target-timeline-chart.module.css";

const W = 900;
const H = 180;
const PAD = { l: 36, r: 8, t: 10, b: 24 };
const DAY = 86_400_000;

const dayMs = (d: string) => Date.parse(`${d}T00:00:00Z`);

/** "New handset", "New SIM" or both: what a device change marker says. */
export const deviceChangeLabel = (c: Pick<DeviceChange, "imeiChanged" | "imsiChanged">) =>
  c.imeiChanged && c.imsiChanged ? "New handset and SIM" : c.imeiChanged ? "New handset" : "New SIM";

/** A silence's length in hours up to two days, then days and hours ("36 h", "14 d 2 h"): gaps run from an hour to months. */
export function formatSilence(seconds: number): string {
  const hours = Math.round(seconds / 3600);
  const d = Math.floor(hours / 24);
  return hours < 48 ? `${Math.round(seconds / 360) / 10} h` : hours % 24 === 0 ? `${d} d` : `${d} d ${hours % 24} h`;
}

/** The rule in words: "at least 24 h and 8× the usual interval". */
export const thresholdWords = (t: Pick<GapThresholdDto, "minSeconds" | "minRatio">) => `at least ${formatSilence(t.minSeconds)} and ${t.minRatio}× the usual interval`;

/**
 * Calls and messages per UTC day as stacked bars; the gaps the target's threshold reports as hatched
 * bands across the days they span; each handset or SIM change as a labelled vertical marker.
 */
export function TargetTimelineChart({ timeline, threshold }: { timeline: TimelineResponse; threshold?: GapThresholdDto | undefined }) {
  const { days, gaps, deviceChanges } = timeline;
  if (days.length === 0) return <p className="muted">No records for this target.</p>;
  const start = dayMs(days[0]!.day);
  const end = dayMs(days[days.length - 1]!.day) + DAY;
  const max = Math.max(1, ...days.map((d) => d.calls + d.messages));
  const x = (ms: number) => PAD.l + ((ms - start) / (end - start)) * (W - PAD.l - PAD.r);
  const y = (n: number) => H - PAD.b - (n / max) * (H - PAD.t - PAD.b);
  const barW = Math.max(1, x(start + DAY) - x(start) - 1);
  const total = days.reduce((s, d) => s + d.calls + d.messages, 0);
  const ticks = days.length <= 10 ? days : days.filter((_, i) => i % Math.ceil(days.length / 8) === 0);

  return (
    <figure className={styles.figure}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="timeline-caption" className={styles.svg} data-testid="timeline-chart">
        <defs>
          <pattern id="gap-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <line x1="0" y1="0" x2="0" y2="6" className={styles.hatch} />
          </pattern>
        </defs>
        {gaps.map((g, i) => {
          const gx = x(Date.parse(g.from));
          return (
            <rect
              key={i}
              x={gx}
              y={PAD.t}
              width={Math.max(2, x(Date.parse(g.to)) - gx)}
              height={H - PAD.t - PAD.b}
              fill="url(#gap-hatch)"
              className={styles.gap}
              data-testid="timeline-gap"
            >
              <title>{`Gap: ${g.from} → ${g.to} (${formatSilence(g.seconds)}, ${g.ratio.toFixed(1)}× usual)`}</title>
            </rect>
          );
        })}
        {days.map((d) => {
          const bx = x(dayMs(d.day));
          return (
            <g key={d.day}>
              <title>{`${d.day}: ${d.calls} calls, ${d.messages} messages`}</title>
              <rect x={bx} y={y(d.calls)} width={barW} height={y(0) - y(d.calls)} className={styles.calls} />
              <rect x={bx} y={y(d.calls + d.messages)} width={barW} height={y(d.calls) - y(d.calls + d.messages)} className={styles.messages} />
            </g>
          );
        })}
        {deviceChanges.map((c, i) => {
          const cx = x(Date.parse(c.at));
          const label = deviceChangeLabel(c);
          // Labels alternate between two rows so close changes stay readable; near the right edge they read leftwards.
          const right = cx > W - 140;
          return (
            <g key={`${c.at}-${i}`} data-testid="timeline-device-change" data-at={c.at}>
              <title>{`${label} at ${c.at}: ${c.from.imei ?? "?"} / ${c.from.imsi ?? "?"} → ${c.to.imei ?? "?"} / ${c.to.imsi ?? "?"} (IMEI / IMSI)`}</title>
              <line x1={cx} x2={cx} y1={PAD.t} y2={y(0)} className={styles.device} />
              <text x={right ? cx - 4 : cx + 4} y={PAD.t + 10 + (i % 2) * 12} textAnchor={right ? "end" : "start"} className={styles.deviceLabel}>
                {label}
              </text>
            </g>
          );
        })}
        <line x1={PAD.l} x2={W - PAD.r} y1={y(0)} y2={y(0)} className={styles.axis} />
        <text x={PAD.l - 4} y={y(max) + 4} textAnchor="end" className={styles.label}>
          {max}
        </text>
        <text x={PAD.l - 4} y={y(0)} textAnchor="end" className={styles.label}>
          0
        </text>
        {ticks.map((d) => (
          <text key={d.day} x={x(dayMs(d.day)) + barW / 2} y={H - 6} textAnchor="middle" className={styles.label}>
            {d.day.slice(5)}
          </text>
        ))}
      </svg>
      <figcaption id="timeline-caption" className="muted">
        {total.toLocaleString("en-US")} events over {days.length} active days ({days[0]!.day} to {days[days.length - 1]!.day}, UTC);{" "}
        <span className={styles.key + " " + styles.keyCalls} aria-hidden="true" /> calls, <span className={styles.key + " " + styles.keyMessages} aria-hidden="true" /> messages,{" "}
        <span className={styles.key + " " + styles.keyGap} aria-hidden="true" /> gaps, <span className={styles.key + " " + styles.keyDevice} aria-hidden="true" /> handset or SIM
        changes ({deviceChanges.length}).
      </figcaption>
      <p className={styles.gapSummary} data-testid="timeline-gap-summary">
        {gaps.length === 0 ? "No silence" : `${gaps.length} silence${gaps.length === 1 ? "" : "s"}`}
        {threshold ? ` of ${thresholdWords(threshold)}${threshold.isDefault ? " (the default)" : ""}` : ""}
        {gaps.length === 0 ? "." : ":"}
      </p>
      {gaps.length > 0 && (
        <ul className={styles.gaps} aria-label="Gaps">
          {gaps.map((g, i) => (
            <li key={i} data-testid="timeline-gap-row" data-from={g.from} data-to={g.to}>
              {g.from} → {g.to}: {formatSilence(g.seconds)} of silence, {g.ratio.toFixed(1)}× the usual interval
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
