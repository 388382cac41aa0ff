import type { TimelineResponse } from "@/lib/schemas/responses";
import { formatDuration } from "@/lib/client/format";
import styles from "./target-timeline-chart.module.css";

const W = 900;
const H = 180;
const PAD = { l: 36, r: 8, t: 10, b: 24 };
const DAY = 86_400_000;

const dayMs = (d: string) => Date.parse(`${d}T00:00:00Z`);

/** Calls and messages per UTC day as stacked bars; detected gaps as hatched bands across the days they span. */
export function TargetTimelineChart({ timeline }: { timeline: TimelineResponse }) {
  const { days, gaps } = timeline;
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
              <title>{`Gap: ${g.from} → ${g.to} (${formatDuration(g.seconds)}, ${g.ratio.toFixed(1)}× usual)`}</title>
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
        {gaps.length === 0 ? "no gaps detected." : `${gaps.length} gap${gaps.length === 1 ? "" : "s"} detected (hatched).`}
      </figcaption>
      {gaps.length > 0 && (
        <ul className={styles.gaps} aria-label="Detected gaps">
          {gaps.map((g, i) => (
            <li key={i}>
              {g.from} → {g.to}: {formatDuration(g.seconds)} of silence, {g.ratio.toFixed(1)}× the usual gap
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
