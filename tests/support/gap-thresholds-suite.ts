import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DELETE as resetRoute, GET as thresholdRoute, PUT as putRoute } from "../../app/api/analytics/gap-threshold/route";
import { GET as caseGapsRoute } from "../../app/api/analytics/gaps/route";
import { GET as timelineRoute } from "../../app/api/records/timeline/route";
import { createApiToken } from "../../lib/auth/api-tokens";
import type { SessionUser } from "../../lib/auth/roles";
import { createSession } from "../../lib/auth/session";
import { caseReport } from "../../lib/data/case-report";
import { targetDevices } from "../../lib/data/patterns-of-life";
import type { Db } from "../../lib/db/prisma";
import { findTimelineGaps, meetsGapThreshold, type GapThresholdRule } from "../../lib/ingest/timeline-gaps";
import { caseGapsResponseSchema, gapThresholdSchema, type CaseGapsResponse, type GapThresholdDto } from "../../lib/schemas/analytics";
import { timelineResponseSchema, type TimelineResponse } from "../../lib/schemas/responses";
import { setRuntime, type Runtime } from "../../lib/server/runtime";
import { createRng } from "../fuzz/prng";
import { addCaseMemberInDb, createUserInDb } from "./factories";

/**
 * Issue 21, gaps across files with a per-target threshold, shared by the SQLite and PostgreSQL
 * suites: target A in two monthly AT&T returns with a two-week silence between them, target B in
 * one return that changes handset halfway; everything through the real loader and route handlers.
 */
export interface GapThresholdEnv {
  db: Db;
  dir: string;
  /** Loads a file into the case through the real loader; resolves when it completed. */
  load(file: string, caseId: number): Promise<void>;
  /** The counted start times of a target in the case, in order (straight from call_records). */
  startTimes(caseId: number, target: string): Promise<string[]>;
}

const A = "7135550142";
const B = "7135550188";
const TA = `+1${A}`;
const TB = `+1${B}`;
const OTHERS = ["2125550147", "3125550111", "6175550123", "4155550190"];
const IMEI_1 = "814901191455192";
const IMEI_2 = "356938035643809";
const pad2 = (n: number) => String(n).padStart(2, "0");
const DAY = 86_400;

/**
 * An AT&T return of `target`: `rows` calls `stepSeconds` apart (±30 %) from `startMs`; from row
 * `newHandsetAt` on (1-based) the calls carry another IMEI. Returns the path and the last call's time.
 */
function attReturn(dir: string, name: string, o: { target: string; rows: number; startMs: number; stepSeconds: number; seed: number; newHandsetAt?: number }) {
  const rnd = createRng(o.seed).next;
  const lines = [
    "AT&T Subpoena Compliance",
    `Target: ${o.target}`,
    "All times shown in UTC",
    "",
    "Item,Conn. Date,Conn. Time,Seizure Time,ET,Originating Number,Terminating Number,IMEI,IMSI,CT,Feature,Cell Location",
  ];
  let t = o.startMs / 1000;
  for (let i = 1; i <= o.rows; i++) {
    t += Math.round(o.stepSeconds * (0.7 + 0.6 * rnd()));
    const d = new Date(t * 1000);
    const other = OTHERS[Math.floor(rnd() * OTHERS.length)]!;
    const out = rnd() < 0.5;
    const imei = o.newHandsetAt !== undefined && i >= o.newHandsetAt ? IMEI_2 : IMEI_1;
    lines.push(
      [
        i,
        `${pad2(d.getUTCMonth() + 1)}/${pad2(d.getUTCDate())}/${pad2(d.getUTCFullYear() % 100)}`,
        `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`,
        "0:01",
        "1:05",
        out ? o.target : other,
        out ? other : o.target,
        imei,
        "310287764668549",
        out ? "MO" : "MT",
        "[]",
        "12345-1",
      ].join(","),
    );
  }
  const file = path.join(dir, name);
  fs.writeFileSync(file, lines.join("\r\n") + "\r\n");
  return { file, lastMs: t * 1000 };
}

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(handler: unknown, url: string, auth: Record<string, string>, init: RequestInit = {}) {
  const headers = { ...auth, ...(init.body ? { "content-type": "application/json" } : {}) };
  const res = await (handler as Handler)(new Request(`http://127.0.0.1${url}`, { ...init, headers }), { params: Promise.resolve({}) });
  return { status: res.status, body: (await res.json().catch(() => null)) as unknown };
}

export function gapThresholdsSuite(label: string, env: () => GapThresholdEnv | null) {
  let caseId = 0;
  let member: Record<string, string> = {};
  let outsider: Record<string, string> = {};
  let viewer: Record<string, string> = {};
  let readToken: Record<string, string> = {};
  const q = (target: string) => `caseId=${caseId}&target=${encodeURIComponent(target)}`;
  const timeline = async (target: string) => timelineResponseSchema.parse((await call(timelineRoute, `/api/records/timeline?${q(target)}`, member)).body) as TimelineResponse;
  const caseGaps = async () => caseGapsResponseSchema.parse((await call(caseGapsRoute, `/api/analytics/gaps?caseId=${caseId}`, member)).body) as CaseGapsResponse;
  const put = (target: string, body: unknown, auth = member) => call(putRoute, `/api/analytics/gap-threshold?${q(target)}`, auth, { method: "PUT", body: JSON.stringify(body) });
  /** What the rule reports, from a pass over the target's records (not the stored table). */
  const expected = async (target: string, rule: GapThresholdRule) => {
    const times = await env()!.startTimes(caseId, target);
    return findTimelineGaps(() => times)
      .filter((g) => meetsGapThreshold(g, rule))
      .map((g) => ({ from: g.from, to: g.to }));
  };
  const spans = (gaps: { from: string; to: string }[]) => gaps.map((g) => ({ from: g.from, to: g.to }));

  describe.skipIf(!env())(`gap thresholds per target (${label})`, () => {
    it("loads A's January and February returns, two weeks apart, and B's return with a new handset", async () => {
      const { db, dir, load } = env()!;
      setRuntime({ config: { trustProxy: false }, db } as unknown as Runtime);
      caseId = (await db.case.create({ data: { name: `gaps ${label}` } })).id;
      const jan = attReturn(dir, "a-january.csv", { target: A, rows: 400, startMs: Date.UTC(2024, 0, 1), stepSeconds: 6000, seed: 5 });
      const feb = attReturn(dir, "a-february.csv", { target: A, rows: 400, startMs: jan.lastMs + 14 * DAY * 1000, stepSeconds: 6000, seed: 6 });
      const b = attReturn(dir, "b-january.csv", { target: B, rows: 400, startMs: Date.UTC(2024, 0, 1), stepSeconds: 6000, seed: 7, newHandsetAt: 201 });
      for (const f of [jan.file, feb.file, b.file]) await load(f, caseId);

      const users = await Promise.all(["member", "outsider", "viewer", "reader"].map((l) => createUserInDb(db, "analyst", l)));
      const [m, o, v, r] = users as [(typeof users)[0], (typeof users)[0], (typeof users)[0], (typeof users)[0]];
      await addCaseMemberInDb(db, caseId, m.id);
      await addCaseMemberInDb(db, caseId, r.id);
      // A case role that may only read (none exists yet: written straight into the table).
      await db.caseMember.create({ data: { caseId, userId: v.id, role: "viewer" } });
      const cookie = async (id: string) => ({ cookie: `sy_session=${(await createSession(db, id)).token}` });
      [member, outsider, viewer] = [await cookie(m.id), await cookie(o.id), await cookie(v.id)];
      const asUser: SessionUser = { id: r.id, email: r.email, name: r.name, role: "analyst" };
      readToken = { authorization: `Bearer ${(await createApiToken(db, asUser, { name: "read", scope: "read" })).token}` };
    }, 120_000);

    it("shows the two-week silence across A's files by default, and none for B", async () => {
      const times = await env()!.startTimes(caseId, TA);
      const lastJan = times.filter((t) => t < "2024-02-01").at(-1)!;
      const t = await timeline(TA);
      expect(t.gaps).toHaveLength(1);
      const gap = t.gaps[0]!;
      expect(gap).toMatchObject({ caseId, from: lastJan, to: times[times.indexOf(lastJan) + 1] });
      expect(gap.seconds).toBeGreaterThan(14 * DAY);
      expect(gap.seconds).toBeLessThan(14 * DAY + 3 * 3600);
      expect(spans(t.gaps)).toEqual(await expected(TA, { minSeconds: DAY, minRatio: 8 }));
      expect((await timeline(TB)).gaps).toEqual([]);

      const all = await caseGaps();
      expect(all.gaps).toEqual([{ target: TA, from: gap.from, to: gap.to, seconds: gap.seconds, ratio: gap.ratio }]);
      expect(all.thresholds).toEqual([
        { target: TA, minSeconds: DAY, minRatio: 8, isDefault: true, updatedAt: null },
        { target: TB, minSeconds: DAY, minRatio: 8, isDefault: true, updatedAt: null },
      ]);
    });

    it("marks B's handset change on its timeline, as the devices list has it", async () => {
      const t = await timeline(TB);
      const devices = await targetDevices(env()!.db, caseId, TB);
      const times = await env()!.startTimes(caseId, TB);
      expect(t.deviceChanges).toEqual(devices.changes);
      expect(t.deviceChanges).toHaveLength(1);
      expect(t.deviceChanges[0]).toMatchObject({ at: times[200], imeiChanged: true, imsiChanged: false, from: { imei: IMEI_1 }, to: { imei: IMEI_2 } });
      expect((await timeline(TA)).deviceChanges).toEqual([]);
    });

    it("reports nothing for A once its minimum is above two weeks", async () => {
      const res = await put(TA, { minSeconds: 15 * DAY, minRatio: 8 });
      expect(res.status).toBe(200);
      expect(gapThresholdSchema.parse(res.body)).toMatchObject({ target: TA, minSeconds: 15 * DAY, minRatio: 8, isDefault: false });
      expect((await timeline(TA)).gaps).toEqual([]);
      expect((await caseGaps()).gaps).toEqual([]);
      expect((await caseReport(env()!.db, caseId)).targets.find((x) => x.target === TA)!.gaps).toEqual([]);
    });

    it("reports more of A's silences at 2 hours and 1×, and leaves B on the default", async () => {
      const rule = { minSeconds: 2 * 3600, minRatio: 1 };
      expect((await put(TA, rule)).status).toBe(200);
      const t = await timeline(TA);
      expect(t.gaps.length).toBeGreaterThan(10);
      expect(spans(t.gaps)).toEqual(await expected(TA, rule));
      expect(t.gaps.every((g) => g.seconds >= 2 * 3600)).toBe(true);
      // B has silences of 2 hours too (the same rhythm), but its own threshold is still the default.
      expect((await expected(TB, rule)).length).toBeGreaterThan(10);
      expect((await timeline(TB)).gaps).toEqual([]);
      const all = await caseGaps();
      expect(all.gaps.every((g) => g.target === TA)).toBe(true);
      expect(spans(all.gaps)).toEqual(spans(t.gaps));
      expect(all.thresholds.map((x) => [x.target, x.isDefault])).toEqual([
        [TA, false],
        [TB, true],
      ]);
      const report = await caseReport(env()!.db, caseId);
      expect(report.targets.find((x) => x.target === TA)!.gaps).toEqual(t.gaps.map(({ caseId: _c, ...g }) => g));
      const got = (await call(thresholdRoute, `/api/analytics/gap-threshold?${q(TA)}`, member)).body as GapThresholdDto;
      expect(got).toMatchObject({ ...rule, isDefault: false });
    });

    it("returns to the default with DELETE and with {reset: true}", async () => {
      const del = await call(resetRoute, `/api/analytics/gap-threshold?${q(TA)}`, member, { method: "DELETE" });
      expect(del.status).toBe(200);
      expect(del.body).toMatchObject({ target: TA, minSeconds: DAY, minRatio: 8, isDefault: true });
      expect((await timeline(TA)).gaps).toHaveLength(1);
      expect((await put(TA, { minSeconds: 3600, minRatio: 1 })).status).toBe(200);
      expect((await timeline(TA)).gaps.length).toBeGreaterThan(10);
      expect((await put(TA, { reset: true })).body).toMatchObject({ isDefault: true });
      expect((await timeline(TA)).gaps).toHaveLength(1);
      const audit = await env()!.db.auditEvent.findMany({ where: { action: "gaps.threshold", subjectId: String(caseId) } });
      expect(audit.length).toBe(6 - 1); // 15 d, 2 h, DELETE, 1 h, reset (the GET writes nothing)
    });

    it("refuses a threshold under an hour or 1×, or with an unknown field", async () => {
      for (const body of [{ minSeconds: 1800, minRatio: 8 }, { minSeconds: 7200, minRatio: 0.5 }, { minSeconds: 7200, minRatio: 2, extra: 1 }, { reset: false }]) {
        expect((await put(TA, body)).status, JSON.stringify(body)).toBe(400);
      }
      expect((await timeline(TA)).gaps).toHaveLength(1);
    });

    it("answers a non-member with the case's not_found, and refuses a read-only role or token", async () => {
      const rule = { minSeconds: 7200, minRatio: 1 };
      expect((await put(TA, rule, outsider)).status).toBe(404);
      expect((await call(caseGapsRoute, `/api/analytics/gaps?caseId=${caseId}`, outsider)).status).toBe(404);
      expect((await call(thresholdRoute, `/api/analytics/gap-threshold?${q(TA)}`, outsider)).status).toBe(404);
      expect((await put(TA, rule, viewer)).status).toBe(403);
      expect((await call(resetRoute, `/api/analytics/gap-threshold?${q(TA)}`, viewer, { method: "DELETE" })).status).toBe(403);
      expect((await put(TA, rule, readToken)).status).toBe(403);
      // Reading stays open to them.
      expect((await call(caseGapsRoute, `/api/analytics/gaps?caseId=${caseId}`, viewer)).status).toBe(200);
      expect((await call(caseGapsRoute, `/api/analytics/gaps?caseId=${caseId}`, readToken)).status).toBe(200);
      expect((await timeline(TA)).gaps).toHaveLength(1);
      expect((await call(caseGapsRoute, `/api/analytics/gaps?caseId=${caseId}&extra=1`, member)).status).toBe(400);
    });
  });
}
