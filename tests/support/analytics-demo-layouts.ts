import type { DemoRecord } from "./analytics-demo-truth";

/**
 * The sample carriers' layouts (shared/fixtures/cdr: att-1.csv, tmobile-1.tsv, verizon-1.txt),
 * written from demo records: the same preambles, headers, codes, date and number spellings and
 * CRLF line ends, all times in UTC as each preamble says.
 */

/** One row of a case's cell-site list. */
export interface DemoCellSite {
  cell: string;
  siteName: string;
  latitude: number;
  longitude: number;
  azimuth: number;
  beamwidth: number;
}

const pad2 = (n: number) => String(n).padStart(2, "0");
const parts = (iso: string) => {
  const d = new Date(iso);
  return { y: d.getUTCFullYear(), mo: pad2(d.getUTCMonth() + 1), d: pad2(d.getUTCDate()), h: d.getUTCHours(), mi: pad2(d.getUTCMinutes()), s: pad2(d.getUTCSeconds()) };
};
/** 10 digits of a +1 number. */
const nanp = (e164: string) => e164.slice(2);
const lines = (rows: string[]) => rows.join("\r\n") + "\r\n";

/** An AT&T subpoena return (att-1.csv): "Target:" preamble, MM/DD/YY, 24-hour clock, ET as m:ss, CT MO/MT/SMSMO/SMSMT, one cell. */
export function attFile(target: string, records: DemoRecord[]): string {
  const out = [
    "AT&T Subpoena Compliance",
    `Target: ${target}`,
    "Report Date: 03/01/2024",
    "All times shown in UTC",
    "",
    "Item,Conn. Date,Conn. Time,Seizure Time,ET,Originating Number,Terminating Number,IMEI,IMSI,CT,Feature,Cell Location",
  ];
  records.forEach((r, i) => {
    const p = parts(r.start);
    const sms = r.recordType === "sms";
    const out_ = r.direction === "outgoing";
    const ct = (sms ? "SMS" : "") + (out_ ? "MO" : "MT");
    const et = `${Math.floor(r.durationSeconds / 60)}:${pad2(r.durationSeconds % 60)}`;
    const feature = ["[]", "[VM]", "[]", "[CFU]"][i % 4]!;
    const seizure = `0:0${1 + (i % 9)}`;
    out.push(
      [i + 1, `${p.mo}/${p.d}/${pad2(p.y % 100)}`, `${pad2(p.h)}:${p.mi}:${p.s}`, seizure, et, nanp(r.caller), nanp(r.callee), r.imei, r.imsi, ct, feature, r.cellFirst].join(","),
    );
  });
  return lines(out);
}

/** A T-Mobile return (tmobile-1.tsv): "Records for 1…" preamble, tab-separated, 12-hour clock, 11-digit numbers, first and last cell. */
export function tmobileFile(target: string, records: DemoRecord[]): string {
  const out = [
    "T-Mobile USA Law Enforcement Relations",
    `Records for 1${target}`,
    "Dates/times are UTC",
    ["Date", "Time", "Calling Number", "Called Number", "Dialed Number", "Duration", "Call Type", "1st Cell ID", "Last Cell ID", "IMEI", "IMSI"].join("\t"),
  ];
  for (const r of records) {
    const p = parts(r.start);
    const h12 = p.h % 12 === 0 ? 12 : p.h % 12;
    const sms = r.recordType === "sms";
    const outgoing = r.direction === "outgoing";
    const type = `mS${outgoing ? "Originating" : "Terminating"}${sms ? "SMSinMSC" : ""}`;
    const dialed = outgoing && !sms ? r.callee.slice(1) : "";
    out.push(
      [
        `${p.mo}/${p.d}/${p.y}`,
        `${pad2(h12)}:${p.mi}:${p.s} ${p.h < 12 ? "AM" : "PM"}`,
        r.caller.slice(1),
        r.callee.slice(1),
        dialed,
        r.durationSeconds,
        type,
        r.cellFirst,
        r.cellLast ?? "",
        r.imei ?? "",
        r.imsi ?? "",
      ].join("\t"),
    );
  }
  return lines(out);
}

/** A Verizon return (verizon-1.txt): BOM, "MDN:" preamble, pipe-separated, MO/MT, Voice/SMS, cell site and sector. */
export function verizonFile(target: string, records: DemoRecord[]): string {
  const out = [
    "\ufeffVerizon Wireless - Call Detail Records",
    `MDN: ${target}`,
    "Time Zone: UTC",
    "Network Element Name|Mobile Directory Number|Call Direction|Originating Number|Terminating Number|Dialed Digit Number|Seizure Dt Tm|Call Duration (sec)|Service Type|Cell Site|Sector",
  ];
  records.forEach((r, i) => {
    const p = parts(r.start);
    const sms = r.recordType === "sms";
    const outgoing = r.direction === "outgoing";
    const element = ["HOUMSC01", "HOUMSC02", "DALMSC03"][i % 3]!;
    out.push(
      [
        element,
        target,
        outgoing ? "MO" : "MT",
        nanp(r.caller),
        nanp(r.callee),
        outgoing && !sms ? nanp(r.callee) : "",
        `${p.mo}/${p.d}/${p.y} ${pad2(p.h)}:${p.mi}:${p.s}`,
        r.durationSeconds,
        sms ? "SMS" : "Voice",
        r.cellFirst,
        r.cellFirst.split("-")[1] ?? "",
      ].join("|"),
    );
  });
  return lines(out);
}

/** The carrier's cell-site list: Cell ID, Site Name, Latitude, Longitude, Azimuth, Beamwidth. */
export function cellSitesCsv(sites: DemoCellSite[]): string {
  return lines(["Cell ID,Site Name,Latitude,Longitude,Azimuth,Beamwidth", ...sites.map((s) => [s.cell, s.siteName, s.latitude, s.longitude, s.azimuth, s.beamwidth].join(","))]);
}
