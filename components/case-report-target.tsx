import type { ReactNode } from "react";
import { formatCount, formatDuration } from "@/lib/client/format";
import type { PatternCell, ReportTarget } from "@/lib/schemas/analytics";
import styles from "./case-report-target.module.css";

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** A stored instant (ISO-8601 UTC) as it reads on paper: "2024-03-01 10:53:00 UTC"; "—" for none. */
export function reportInstant(iso: string | null): string {
  if (!iso) return "—";
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?Z$/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}

/** One target's page of the case report: counts, top contacts, heat map, gaps and devices, read-only. */
export function CaseReportTarget({ page }: { page: ReportTarget }) {
  const { target, counts, topContacts, gaps, devices } = page;
  const id = `target-${encodeURIComponent(target)}`;
  const tiles = [
    ["Events", counts.records],
    ["Calls", counts.calls],
    ["Messages", counts.messages],
    ["Incoming", counts.incoming],
    ["Outgoing", counts.outgoing],
  ] as const;
  return (
    <section id={id} className={styles.page} aria-labelledby={`${id}-title`} data-testid="case-report-target" data-target={target}>
      <h2 id={`${id}-title`} className={styles.title}>
        Target <span className="mono">{target}</span>
      </h2>
      <p className="muted">
        {reportInstant(counts.first)} – {reportInstant(counts.last)}
      </p>
      <dl className={styles.counts}>
        {tiles.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd data-count={label.toLowerCase()}>{formatCount(value)}</dd>
          </div>
        ))}
      </dl>

      <h3>Top contacts</h3>
      {topContacts.length === 0 ? (
        <p className="muted">No contacts.</p>
      ) : (
        <Table head={["Number", "Kind", "Calls", "Messages", "First", "Last"]} numeric={[2, 3]}>
          {topContacts.map((c) => (
            <tr key={c.number}>
              <td className="mono">{c.number}</td>
              <td>{c.kind}</td>
              <td className="num">{formatCount(c.calls)}</td>
              <td className="num">{formatCount(c.messages)}</td>
              <td>{reportInstant(c.first)}</td>
              <td>{reportInstant(c.last)}</td>
            </tr>
          ))}
        </Table>
      )}

      <h3>Activity by hour and weekday ({page.patterns.timezone})</h3>
      <HeatGrid cells={page.patterns.cells} target={target} />

      <h3>Gaps</h3>
      {gaps.length === 0 ? (
        <p className="muted">No unusual silences.</p>
      ) : (
        <Table head={["From", "To", "Length", "× usual gap"]} numeric={[2, 3]}>
          {gaps.map((g) => (
            <tr key={`${g.from}|${g.to}`}>
              <td>{reportInstant(g.from)}</td>
              <td>{reportInstant(g.to)}</td>
              <td className="num">{formatDuration(g.seconds)}</td>
              <td className="num">{g.ratio.toFixed(1)}</td>
            </tr>
          ))}
        </Table>
      )}

      <h3>Devices{devices.changes.length > 0 ? ` (${devices.changes.length} change${devices.changes.length === 1 ? "" : "s"})` : ""}</h3>
      {devices.devices.length === 0 ? (
        <p className="muted">No record carries an IMEI or an IMSI.</p>
      ) : (
        <Table head={["IMEI", "IMSI", "First", "Last", "Events"]} numeric={[4]}>
          {devices.devices.map((d) => (
            <tr key={`${d.imei ?? ""}|${d.imsi ?? ""}`}>
              <td className="mono">{d.imei ?? "—"}</td>
              <td className="mono">{d.imsi ?? "—"}</td>
              <td>{reportInstant(d.first)}</td>
              <td>{reportInstant(d.last)}</td>
              <td className="num">{formatCount(d.events)}</td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}

function Table({ head, numeric, children }: { head: string[]; numeric: number[]; children: ReactNode }) {
  return (
    <div className="table-wrap">
      <table className={`table ${styles.table}`}>
        <thead>
          <tr>
            {head.map((h, i) => (
              <th key={h} scope="col" className={numeric.includes(i) ? "num" : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** The 7 × 24 heat map, read-only and compact enough for a printed page: each cell shades with its count and prints it. */
function HeatGrid({ cells, target }: { cells: PatternCell[]; target: string }) {
  const value = (c: PatternCell | undefined) => (c ? c.calls + c.messages : 0);
  const max = Math.max(0, ...cells.map(value));
  return (
    <table className={styles.heat} data-testid="case-report-heatmap">
      <caption className="visually-hidden">Events of {target} per hour of the day (columns) and day of the week (rows)</caption>
      <thead>
        <tr>
          <td />
          {HOURS.map((h) => (
            <th key={h} scope="col">
              {String(h).padStart(2, "0")}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {WEEKDAYS.map((day, i) => (
          <tr key={day}>
            <th scope="row">{day}</th>
            {HOURS.map((h) => {
              const v = value(cells[i * 24 + h]);
              const intensity = max === 0 ? 0 : v / max;
              return (
                <td key={h} style={{ ["--intensity" as string]: intensity }} className={intensity > 0.55 ? styles.dark : undefined} data-count={v}>
                  {v > 0 ? v : ""}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
