"use client";

import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { analyticsApi } from "@/lib/client/analytics-api";
import { formatCount } from "@/lib/client/format";
import { queryKeys } from "@/lib/client/query-keys";
import type { PatternCell, PatternsResponse } from "@/lib/schemas/analytics";
import styles from "./pattern-heatmap.module.css";

type Measure = "all" | "calls" | "messages";
const MEASURES: { value: Measure; label: string }[] = [
  { value: "all", label: "All events" },
  { value: "calls", label: "Calls" },
  { value: "messages", label: "Messages" },
];
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const HOURS = Array.from({ length: 24 }, (_, h) => h);
const hh = (h: number) => String(h).padStart(2, "0");

const valueOf = (c: PatternCell, m: Measure) => (m === "calls" ? c.calls : m === "messages" ? c.messages : c.calls + c.messages);

/**
 * Patterns of life (issue 21): a target's events per hour of the day and day of the week in the
 * case's display time zone, as a 7 × 24 table whose cells darken with the count (each cell says its
 * count to screen readers and on hover), with a calls / messages / all toggle; and, folded away,
 * each local day's first and last event.
 */
export function PatternHeatmap({ caseId, target, timezone }: { caseId: number; target: string; timezone: string | null }) {
  const [measure, setMeasure] = useState<Measure>("all");
  const { data, error, isPending } = useQuery({
    queryKey: queryKeys.contacts.patterns(caseId, target, timezone),
    queryFn: () => analyticsApi.patterns(caseId, target),
  });
  return (
    <section className="card" aria-labelledby="patterns-title" data-testid="pattern-heatmap">
      <div className="card-header">
        <h2 id="patterns-title">Patterns of life</h2>
        <span className="muted">by local hour and weekday{data ? ` · ${data.timezone}` : ""}</span>
      </div>
      <div className="card-body">
        {error ? (
          <p className="alert" role="alert">
            {error.message}
          </p>
        ) : isPending ? (
          <p className="muted">Loading patterns of life…</p>
        ) : (
          <PatternBody data={data} measure={measure} onMeasure={setMeasure} />
        )}
      </div>
    </section>
  );
}

function PatternBody({ data, measure, onMeasure }: { data: PatternsResponse; measure: Measure; onMeasure: (m: Measure) => void }) {
  const max = Math.max(0, ...data.cells.map((c) => valueOf(c, measure)));
  const total = data.cells.reduce((s, c) => s + valueOf(c, measure), 0);
  const unit = measure === "calls" ? "calls" : measure === "messages" ? "messages" : "events";
  return (
    <div className={styles.wrap}>
      <div className={styles.toolbar} role="group" aria-label="Count">
        {MEASURES.map((m) => (
          <button key={m.value} type="button" className={styles.chip} aria-pressed={measure === m.value} onClick={() => onMeasure(m.value)}>
            {m.label}
          </button>
        ))}
        <span className="muted">
          {formatCount(total)} {unit}, busiest hour {formatCount(max)}
        </span>
      </div>
      <div className={styles.scroll}>
        <table className={styles.grid} data-testid="pattern-grid">
          <caption className="visually-hidden">{`${unit[0]!.toUpperCase()}${unit.slice(1)} per hour of the day (columns) and day of the week (rows), ${data.timezone}`}</caption>
          <thead>
            <tr>
              <td />
              {HOURS.map((h) => (
                <th key={h} scope="col" className={styles.hour}>
                  {hh(h)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {WEEKDAYS.map((name, i) => (
              <tr key={name}>
                <th scope="row" className={styles.day}>
                  {name.slice(0, 3)}
                </th>
                {HOURS.map((h) => {
                  const cell = data.cells[i * 24 + h];
                  const v = cell ? valueOf(cell, measure) : 0;
                  const label =
                    `${name} ${hh(h)}:00–${hh(h)}:59: ${formatCount(v)} ${unit}` +
                    (cell && measure === "all" ? ` (${cell.calls} calls, ${cell.messages} messages; ${cell.incoming} incoming, ${cell.outgoing} outgoing)` : "");
                  return (
                    <td
                      key={h}
                      className={styles.cell}
                      style={{ ["--intensity" as string]: max === 0 ? 0 : v / max }}
                      title={label}
                      data-weekday={i + 1}
                      data-hour={h}
                      data-count={v}
                    >
                      <span className="visually-hidden">{label}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data.days.length > 0 && <DayBounds data={data} />}
    </div>
  );
}

/** Each local day's first and last event, shown on the zone's clock. */
function DayBounds({ data }: { data: PatternsResponse }) {
  const clock = zoneClock(data.timezone);
  const at = (iso: string) => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : clock.format(d);
  };
  return (
    <details className={styles.days}>
      <summary>
        First and last event of each day ({formatCount(data.days.length)} active days, {data.timezone})
      </summary>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">First</th>
              <th scope="col">Last</th>
            </tr>
          </thead>
          <tbody>
            {data.days.map((d) => (
              <tr key={d.day} data-testid="pattern-day" data-day={d.day}>
                <td className="mono">{d.day}</td>
                <td title={d.first}>{at(d.first)}</td>
                <td title={d.last}>{at(d.last)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** Hours and minutes on a zone's clock; UTC if this browser does not know the zone. */
function zoneClock(timeZone: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(undefined, { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  } catch {
    return new Intl.DateTimeFormat(undefined, { timeZone: "UTC", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  }
}
