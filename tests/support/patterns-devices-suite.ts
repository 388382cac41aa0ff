import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as devicesRoute } from "../../app/api/analytics/devices/route";
import { GET as patternsRoute } from "../../app/api/analytics/patterns/route";
import { PATCH as patchCaseRoute } from "../../app/api/cases/[id]/route";
import { createSession } from "../../lib/auth/session";
import { NO_SUCH_CASE } from "../../lib/data/case-access";
import { imeiCheckDigit } from "../../lib/data/records";
import type { Db } from "../../lib/db/prisma";
import { createJob } from "../../lib/jobs/job-commands";
import { devicesResponseSchema, patternsResponseSchema, type PatternsResponse } from "../../lib/schemas/analytics";
import { setRuntime, type Runtime } from "../../lib/server/runtime";
import { addCaseMemberInDb, createUserInDb } from "./factories";

/**
 * Analytics issue 21, shared by the SQLite and the PostgreSQL suites: a target's patterns of life
 * (hour × weekday in the case's display time zone, first/last event per local day) and its devices
 * (IMEI + IMSI pairs, one handset change), through the real route handlers, checked against a
 * recount done here with Intl from the seeded rows; a non-member gets the not_found of a missing
 * case; the display time zone is set and validated through PATCH /api/cases/:id.
 */
export interface PatternsEnv {
  db: Db;
}

const TARGET = "+13125550100";
const OTHER_TARGET = "+13125550199";
const A14 = "35209900176148";
const IMEI_A = A14 + imeiCheckDigit(A14);
const IMEI_B = "490154203237518";
const IMSI_X = "310260123456789";

interface Seed {
  target: string;
  startTime: string;
  recordType: "voice" | "sms" | "mms" | "data";
  direction: "incoming" | "outgoing" | null;
  imei: string | null;
  imsi: string | null;
  duplicate?: boolean;
}

/**
 * The target's records: winter (CST, UTC−6) and summer (CDT, UTC−5) days, the night of the March
 * change to daylight saving, events just after UTC midnight (the evening before in Chicago), every
 * type and direction; handset A (in three spellings: bare, grouped, 14 digits) until March, then
 * handset B with the same SIM; messages with the IMSI only. Plus a linked duplicate leg and another
 * target's rows, neither of which may count.
 */
function seeds(): Seed[] {
  const out: Seed[] = [];
  const types = ["voice", "sms", "voice", "data", "mms"] as const;
  const dirs = ["incoming", "outgoing", null] as const;
  const times = [
    // Winter, January 2024 (Monday 8th …).
    "2024-01-08T00:15:00Z",
    "2024-01-08T05:59:59Z",
    "2024-01-08T06:00:00Z",
    "2024-01-08T14:30:00Z",
    "2024-01-08T14:45:00Z",
    "2024-01-09T23:10:00Z",
    "2024-01-10T03:30:00Z",
    "2024-01-13T18:00:00Z",
    "2024-01-14T12:00:00Z",
    "2024-01-14T23:59:59Z",
    // The change to daylight saving in Chicago: 2024-03-10 02:00 CST → 03:00 CDT (08:00Z).
    "2024-03-10T07:30:00Z",
    "2024-03-10T08:30:00Z",
    "2024-03-10T09:05:00Z",
    // Summer, July 2024 (Monday 15th …).
    "2024-07-15T04:00:00Z",
    "2024-07-15T05:00:00Z",
    "2024-07-15T13:20:00Z",
    "2024-07-15T13:40:00Z",
    "2024-07-16T02:00:00Z",
    "2024-07-20T16:00:00Z",
    "2024-07-21T21:00:00Z",
    "2024-07-22T00:30:00Z",
  ];
  times.forEach((startTime, i) => {
    const recordType = types[i % types.length]!;
    const message = recordType === "sms" || recordType === "mms";
    const handsetB = startTime >= "2024-03-10T08:00:00Z";
    const imeiA = [IMEI_A, "35-209900-176148-" + IMEI_A.slice(14), A14][i % 3]!;
    out.push({
      target: TARGET,
      startTime,
      recordType,
      direction: dirs[i % dirs.length]!,
      imei: message ? null : handsetB ? IMEI_B : imeiA,
      imsi: IMSI_X,
    });
  });
  // A linked near-duplicate leg (another carrier's copy): never counted, its odd handset never listed.
  out.push({ target: TARGET, startTime: "2024-01-08T14:30:00Z", recordType: "voice", direction: "outgoing", imei: "356938035643809", imsi: "234150999999999", duplicate: true });
  // Another target of the case.
  out.push({ target: OTHER_TARGET, startTime: "2024-01-11T10:00:00Z", recordType: "voice", direction: "incoming", imei: "356938035643809", imsi: "234150999999999" });
  return out;
}

/** The recount, independent of the route: each counted record's own local time, with Intl. */
function recount(rows: Seed[], zone: string): Omit<PatternsResponse, "timezone"> {
  const dtf = new Intl.DateTimeFormat("en-GB", { timeZone: zone, hourCycle: "h23", weekday: "short", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit" });
  const WD = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
  const cells = Array.from({ length: 7 * 24 }, (_, i) => ({ weekday: Math.floor(i / 24) + 1, hour: i % 24, calls: 0, messages: 0, incoming: 0, outgoing: 0 }));
  const days = new Map<string, { first: string; last: string }>();
  for (const r of rows) {
    const p = Object.fromEntries(dtf.formatToParts(new Date(r.startTime)).map((x) => [x.type, x.value]));
    const cell = cells[WD.indexOf(p.weekday!) * 24 + Number(p.hour)]!;
    if (r.recordType === "sms" || r.recordType === "mms") cell.messages++;
    else cell.calls++;
    if (r.direction === "incoming") cell.incoming++;
    if (r.direction === "outgoing") cell.outgoing++;
    const day = `${p.year}-${p.month}-${p.day}`;
    const d = days.get(day);
    if (!d) days.set(day, { first: r.startTime, last: r.startTime });
    else {
      if (r.startTime < d.first) d.first = r.startTime;
      if (r.startTime > d.last) d.last = r.startTime;
    }
  }
  return { cells, days: [...days.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, d]) => ({ day, ...d })) };
}

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export function patternsDevicesSuite(label: string, env: () => PatternsEnv | null) {
  const SEEDS = seeds();
  const counted = SEEDS.filter((s) => s.target === TARGET && !s.duplicate);
  let caseId = 0;
  let otherCase = 0;
  let memberCookie = "";
  let outsiderCookie = "";

  async function call(handler: Handler, url: string, cookie: string, init: RequestInit = {}, params: Record<string, string> = {}) {
    const res = await handler(new Request(`http://127.0.0.1${url}`, { ...init, headers: { cookie, ...(init.body ? { "content-type": "application/json" } : {}) } }), {
      params: Promise.resolve(params),
    });
    return { status: res.status, body: (await res.json()) as unknown };
  }
  const patterns = async (c: number, cookie = memberCookie) => call(patternsRoute as Handler, `/api/analytics/patterns?caseId=${c}&target=${encodeURIComponent(TARGET)}`, cookie);
  const devices = async (c: number, cookie = memberCookie) => call(devicesRoute as Handler, `/api/analytics/devices?caseId=${c}&target=${encodeURIComponent(TARGET)}`, cookie);
  const setZone = async (zone: unknown) =>
    call(patchCaseRoute as Handler, `/api/cases/${caseId}`, memberCookie, { method: "PATCH", body: JSON.stringify({ displayTimezone: zone }) }, { id: String(caseId) });

  describe.skipIf(!env())(`patterns of life and devices (${label})`, () => {
    it("seeds a case (and another one holding the same rows)", async () => {
      const { db } = env()!;
      setRuntime({ config: { trustProxy: false }, db, events: { progress() {}, updated() {}, casesChanged() {} } } as unknown as Runtime);
      const member = await createUserInDb(db, "analyst", "member");
      const outsider = await createUserInDb(db, "analyst", "outsider");
      memberCookie = `sy_session=${(await createSession(db, member.id)).token}`;
      outsiderCookie = `sy_session=${(await createSession(db, outsider.id)).token}`;
      for (const name of ["Patterns", "Other"]) {
        const c = await db.case.create({ data: { name, createdBy: member.id } });
        await addCaseMemberInDb(db, c.id, member.id);
        const job = await createJob(db, { fileName: `${name}.csv`, storedPath: `/nowhere/${name}.csv`, sha256: "0".repeat(64), sizeBytes: 10, caseId: c.id });
        const rows = name === "Patterns" ? SEEDS : SEEDS.slice(0, 3).map((s) => ({ ...s, startTime: s.startTime.replace("2024-01-08", "2024-01-12") }));
        await db.callRecord.createMany({
          data: rows.map((s, i) => ({
            jobId: job.id,
            caseId: c.id,
            contentHash: crypto.randomUUID(),
            line: i + 2,
            target: s.target,
            startTime: s.startTime,
            recordType: s.recordType,
            direction: s.direction,
            imei: s.imei,
            imsi: s.imsi,
            caller: s.target,
            callee: "+12065550123",
          })),
        });
        if (name === "Patterns") caseId = c.id;
        else otherCase = c.id;
      }
      // Link the duplicate leg to the record it repeats.
      const original = await db.callRecord.findFirst({ where: { caseId, target: TARGET, startTime: "2024-01-08T14:30:00Z", imei: { not: "356938035643809" } } });
      await db.callRecord.updateMany({ where: { caseId, imei: "356938035643809", target: TARGET }, data: { duplicateOf: original!.id } });
    });

    it("counts hour × weekday in UTC when the case has no display zone, and each UTC day's first and last event", async () => {
      const res = await patterns(caseId);
      expect(res.status).toBe(200);
      const body = patternsResponseSchema.parse(res.body);
      expect(body.timezone).toBe("UTC");
      expect(body.cells).toHaveLength(168);
      expect({ cells: body.cells, days: body.days }).toEqual(recount(counted, "UTC"));
      const total = body.cells.reduce((s, c) => s + c.calls + c.messages, 0);
      expect(total).toBe(counted.length);
      // Monday 2024-01-08 14:xx UTC: two events (the duplicate leg is not a third).
      const mon14 = body.cells.find((c) => c.weekday === 1 && c.hour === 14)!;
      expect(mon14.calls + mon14.messages).toBe(2);
      expect(body.days[0]).toEqual({ day: "2024-01-08", first: "2024-01-08T00:15:00Z", last: "2024-01-08T14:45:00Z" });
    });

    it("rejects an unknown display zone with a 400 and stores a known one in its canonical spelling", async () => {
      const bad = await setZone("Mars/Olympus_Mons");
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body)).toContain("not a known time zone");
      const ok = await setZone("america/chicago");
      expect(ok.status).toBe(200);
      expect((ok.body as { case: { displayTimezone: string | null } }).case.displayTimezone).toBe("America/Chicago");
    });

    it("counts in America/Chicago, daylight saving followed (winter UTC−6, summer UTC−5), days local", async () => {
      const body = patternsResponseSchema.parse((await patterns(caseId)).body);
      expect(body.timezone).toBe("America/Chicago");
      expect({ cells: body.cells, days: body.days }).toEqual(recount(counted, "America/Chicago"));
      const at = (weekday: number, hour: number) => body.cells.find((c) => c.weekday === weekday && c.hour === hour)!;
      // 2024-01-08T14:30Z and 14:45Z = Monday 08:xx CST; 2024-07-15T13:20Z and 13:40Z = Monday 08:xx CDT.
      expect(at(1, 8).calls + at(1, 8).messages).toBe(4);
      // 2024-01-08T00:15Z is Sunday 7 January, 18:15 CST.
      expect(body.days[0]).toEqual({ day: "2024-01-07", first: "2024-01-08T00:15:00Z", last: "2024-01-08T05:59:59Z" });
      // The night of the change: 07:30Z = 01:30 CST, 08:30Z = 03:30 CDT, one local day.
      expect(body.days.find((d) => d.day === "2024-03-10")).toEqual({ day: "2024-03-10", first: "2024-03-10T07:30:00Z", last: "2024-03-10T09:05:00Z" });
      expect(at(7, 1).calls + at(7, 1).messages).toBeGreaterThanOrEqual(1);
      expect(at(7, 3).calls + at(7, 3).messages).toBeGreaterThanOrEqual(1);
      // The UTC and Chicago maps differ (the test is not degenerate).
      expect(recount(counted, "UTC").cells).not.toEqual(body.cells);
    });

    it("lists the handsets and SIMs by first use, spellings folded, and the one handset change", async () => {
      const res = await devices(caseId);
      expect(res.status).toBe(200);
      const body = devicesResponseSchema.parse(res.body);
      const count = (pred: (s: Seed) => boolean) => counted.filter(pred).length;
      const isA = (s: Seed) => s.imei !== null && s.imei !== IMEI_B;
      // The first call after the change to daylight saving (the 08:30Z event is a message, IMSI only).
      const firstB = "2024-03-10T09:05:00Z";
      expect(counted.find((s) => s.imei === IMEI_B)!.startTime).toBe(firstB);
      expect(body.devices).toEqual([
        { imei: IMEI_A, imsi: IMSI_X, first: "2024-01-08T00:15:00Z", last: counted.filter(isA).at(-1)!.startTime, events: count(isA) },
        {
          imei: null,
          imsi: IMSI_X,
          first: counted.find((s) => s.imei === null)!.startTime,
          last: counted.filter((s) => s.imei === null).at(-1)!.startTime,
          events: count((s) => s.imei === null),
        },
        { imei: IMEI_B, imsi: IMSI_X, first: firstB, last: counted.filter((s) => s.imei === IMEI_B).at(-1)!.startTime, events: count((s) => s.imei === IMEI_B) },
      ]);
      // The messages (IMSI only) sit between A and B by first use, yet the change is A → B.
      expect(body.changes).toEqual([{ at: firstB, from: { imei: IMEI_A, imsi: IMSI_X }, to: { imei: IMEI_B, imsi: IMSI_X }, imeiChanged: true, imsiChanged: false }]);
    });

    it("another case's answers hold only its own rows", async () => {
      const body = devicesResponseSchema.parse((await devices(otherCase)).body);
      expect(body.devices.reduce((s, d) => s + d.events, 0)).toBe(3);
      expect(body.changes).toEqual([]);
    });

    it("answers a non-member and a missing case with the same not_found", async () => {
      const refused = { status: 404, body: { error: { code: "not_found", message: NO_SUCH_CASE } } };
      expect(await patterns(caseId, outsiderCookie)).toEqual(refused);
      expect(await devices(caseId, outsiderCookie)).toEqual(refused);
      expect(await patterns(999_999)).toEqual(refused);
      expect(await devices(999_999)).toEqual(refused);
    });

    it("a target is required, and an empty zone means UTC again", async () => {
      const res = await call(patternsRoute as Handler, `/api/analytics/patterns?caseId=${caseId}`, memberCookie);
      expect(res.status).toBe(400);
      const cleared = await setZone("");
      expect((cleared.body as { case: { displayTimezone: string | null } }).case.displayTimezone).toBeNull();
      expect(patternsResponseSchema.parse((await patterns(caseId)).body).timezone).toBe("UTC");
    });
  });
}
