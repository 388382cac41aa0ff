"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { analyticsApi } from "@/lib/client/analytics-api";
import { hrefWithCase } from "@/lib/client/case-url";
import { formatCount, formatDateTime } from "@/lib/client/format";
import { queryKeys } from "@/lib/client/query-keys";
import type { DeviceChange, TargetDevice } from "@/lib/schemas/analytics";
import styles from "./target-devices.module.css";

const changeLabel = (c: DeviceChange) => (c.imeiChanged && c.imsiChanged ? "New handset and SIM" : c.imeiChanged ? "New handset" : "New SIM");
const pairKey = (p: { imei: string | null; imsi: string | null }) => `${p.imei ?? ""}|${p.imsi ?? ""}`;

/**
 * Devices (issue 21): the handset (IMEI) and SIM (IMSI) pairs a target used, by first use, with
 * first and last use and events; a pair that starts a device or SIM change is highlighted and says
 * which side changed.
 */
export function TargetDevices({ caseId, target }: { caseId: number; target: string }) {
  const { data, error, isPending } = useQuery({
    queryKey: queryKeys.contacts.devices(caseId, target),
    queryFn: () => analyticsApi.devices(caseId, target),
  });
  const changes = new Map((data?.changes ?? []).map((c) => [pairKey(c.to), c]));
  return (
    <section className="card" aria-labelledby="devices-title" data-testid="target-devices">
      <div className="card-header">
        <h2 id="devices-title">Devices{data && <span className="muted"> · {data.devices.length}</span>}</h2>
        <span className="muted">
          {data ? `${data.changes.length} change${data.changes.length === 1 ? "" : "s"} of handset or SIM` : "IMEI and IMSI by first use"} ·{" "}
          <Link href={hrefWithCase(`/cases/${caseId}/map`, caseId, { target })} data-testid="devices-cell-map">
            Cells &amp; map →
          </Link>
        </span>
      </div>
      {error ? (
        <p className="card-body alert" role="alert">
          {error.message}
        </p>
      ) : isPending ? (
        <p className="card-body muted">Loading devices…</p>
      ) : data.devices.length === 0 ? (
        <p className="empty-note muted">No record of this target carries an IMEI or an IMSI.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Handset and SIM pairs of {target}, by first use</caption>
            <thead>
              <tr>
                <th scope="col">IMEI (handset)</th>
                <th scope="col">IMSI (SIM)</th>
                <th scope="col">First use</th>
                <th scope="col">Last use</th>
                <th scope="col" className="num">
                  Events
                </th>
              </tr>
            </thead>
            <tbody>
              {data.devices.map((d) => (
                <DeviceRow key={pairKey(d)} device={d} change={changes.get(pairKey(d)) ?? null} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function DeviceRow({ device: d, change }: { device: TargetDevice; change: DeviceChange | null }) {
  return (
    <tr className={change ? styles.changed : undefined} data-testid="device-row" data-imei={d.imei ?? ""} data-imsi={d.imsi ?? ""} data-change={change ? "true" : undefined}>
      <td className={`mono ${change?.imeiChanged ? styles.differs : ""}`}>{d.imei ?? <span className="muted">—</span>}</td>
      <td className={`mono ${change?.imsiChanged ? styles.differs : ""}`}>{d.imsi ?? <span className="muted">—</span>}</td>
      <td>
        {formatDateTime(d.first)}
        {change && (
          <>
            {" "}
            <span className={styles.badge} title={`Before: IMEI ${change.from.imei ?? "—"}, IMSI ${change.from.imsi ?? "—"}`}>
              {changeLabel(change)}
            </span>
          </>
        )}
      </td>
      <td>{formatDateTime(d.last)}</td>
      <td className="num">{formatCount(d.events)}</td>
    </tr>
  );
}
