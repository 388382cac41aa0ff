import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as cellCallsRoute } from "../../app/api/analytics/cell-calls/route";
import { GET as cellsRoute } from "../../app/api/analytics/cells/route";
import { DELETE as clearSitesRoute, GET as listSitesRoute, POST as uploadSitesRoute } from "../../app/api/cases/[id]/cell-sites/route";
import { createSession } from "../../lib/auth/session";
import { deleteCase } from "../../lib/data/cases";
import { NO_SUCH_CASE } from "../../lib/data/case-access";
import type { Db } from "../../lib/db/prisma";
import { createJob } from "../../lib/jobs/job-commands";
import { cellCallsResponseSchema, cellSiteListResponseSchema, cellSiteUploadResponseSchema, targetCellsResponseSchema } from "../../lib/schemas/cells";
import { setRuntime, type Runtime } from "../../lib/server/runtime";
import { addCaseMemberInDb, createUserInDb } from "./factories";

/**
 * Devices and cells (issue 21), shared by the SQLite and PostgreSQL suites, through the real route
 * handlers: a cell-site list uploaded as multipart (title line, a rejected row, a site-only entry),
 * a target's cells by frequency and by local hour checked against a recount of the seeded rows,
 * first/last cell per call placed by the list, non-members refused with the missing case's 404,
 * a re-upload merging, a clear, and deleting the case taking its list along.
 */
const TARGET = "+13125550100";
const OTHER = "+13125550199";

interface Seed {
  target: string;
  start: string;
  first: string | null;
  last: string | null;
  duplicate?: boolean;
}

const SEEDS: Seed[] = [
  { target: TARGET, start: "2024-01-08T14:30:00Z", first: "55303-1", last: "55303-1" },
  { target: TARGET, start: "2024-01-08T15:10:00Z", first: "55303-1", last: "55303-2" },
  { target: TARGET, start: "2024-01-09T02:00:00Z", first: "55303-2", last: null },
  { target: TARGET, start: "2024-01-09T03:00:00Z", first: "15159-3", last: "15159-3" },
  { target: TARGET, start: "2024-01-10T18:00:00Z", first: "99999-1", last: "55303-1" },
  { target: TARGET, start: "2024-01-11T10:00:00Z", first: null, last: null },
  { target: TARGET, start: "2024-01-08T14:30:00Z", first: "55303-1", last: "77777-7", duplicate: true },
  { target: OTHER, start: "2024-01-08T16:00:00Z", first: "55303-1", last: "55303-1" },
];

/** Site 55303's two sectors, site 15159 without a sector (it places 15159-3), one bad row. */
export const CELL_LIST_CSV = [
  "Carrier cell sites as of 2024-01-01",
  "Site ID,Sector,Latitude,Longitude,Azimuth,Beamwidth,Site Name",
  "55303,1,41.8781,-87.6298,30,65,Loop",
  "55303,2,41.8781,-87.6298,150,,Loop",
  "15159,,32.7767,-96.797,,,Dallas",
  "77777,1,abc,-87.6,0,,",
].join("\n");

/** The recount: per cell as stored, events = records naming it first or last (once), from the seeds, not the route. */
function recount(zone: string) {
  const counted = SEEDS.filter((s) => s.target === TARGET && !s.duplicate);
  const cells = new Map<string, { events: number; firstEvents: number; lastEvents: number; first: string; last: string }>();
  const hours = new Map<string, number>();
  const dtf = new Intl.DateTimeFormat("en-GB", { timeZone: zone, hourCycle: "h23", hour: "2-digit" });
  for (const s of counted) {
    for (const cell of new Set([s.first, s.last].filter((c): c is string => !!c))) {
      const c = cells.get(cell) ?? { events: 0, firstEvents: 0, lastEvents: 0, first: s.start, last: s.start };
      c.events++;
      if (s.first === cell) c.firstEvents++;
      if (s.last === cell) c.lastEvents++;
      if (s.start < c.first) c.first = s.start;
      if (s.start > c.last) c.last = s.start;
      cells.set(cell, c);
      const key = `${Number(dtf.format(new Date(s.start)))}|${cell}`;
      hours.set(key, (hours.get(key) ?? 0) + 1);
    }
  }
  return { cells, hours };
}

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export function targetCellsSuite(label: string, env: () => { db: Db } | null) {
  let caseId = 0;
  let member = "";
  let outsider = "";
  const call = async (handler: unknown, url: string, cookie: string, init: RequestInit = {}) => {
    const res = await (handler as Handler)(new Request(`http://127.0.0.1${url}`, { ...init, headers: { cookie } }), { params: Promise.resolve({ id: String(caseId) }) });
    return { status: res.status, body: (await res.json()) as unknown };
  };
  const upload = (text: string, cookie = member, name = "sites.csv") => {
    const form = new FormData();
    form.append("file", new Blob([text], { type: "text/csv" }), name);
    return call(uploadSitesRoute, `/api/cases/${caseId}/cell-sites`, cookie, { method: "POST", body: form });
  };
  const cells = (cookie = member, c = caseId) => call(cellsRoute, `/api/analytics/cells?caseId=${c}&target=${encodeURIComponent(TARGET)}`, cookie);
  const calls = (q = "", cookie = member) => call(cellCallsRoute, `/api/analytics/cell-calls?caseId=${caseId}&target=${encodeURIComponent(TARGET)}${q}`, cookie);

  describe.skipIf(!env())(`cells and the cell-site list (${label})`, () => {
    it("seeds a case", async () => {
      const { db } = env()!;
      setRuntime({ config: { trustProxy: false }, db, events: { progress() {}, updated() {}, casesChanged() {} } } as unknown as Runtime);
      const m = await createUserInDb(db, "analyst", "member");
      const o = await createUserInDb(db, "analyst", "outsider");
      member = `sy_session=${(await createSession(db, m.id)).token}`;
      outsider = `sy_session=${(await createSession(db, o.id)).token}`;
      caseId = (await db.case.create({ data: { name: "Cells", createdBy: m.id } })).id;
      await addCaseMemberInDb(db, caseId, m.id);
      const job = await createJob(db, { fileName: "cells.csv", storedPath: "/nowhere/cells.csv", sha256: "0".repeat(64), sizeBytes: 10, caseId });
      await db.callRecord.createMany({
        data: SEEDS.map((s, i) => ({
          jobId: job.id,
          caseId,
          contentHash: crypto.randomUUID(),
          line: i + 2,
          target: s.target,
          startTime: s.start,
          recordType: "voice",
          caller: s.target,
          callee: "+12065550123",
          cellFirst: s.first,
          cellLast: s.last,
        })),
      });
      const original = await db.callRecord.findFirst({ where: { caseId, cellLast: "55303-1", startTime: "2024-01-08T14:30:00Z" } });
      await db.callRecord.updateMany({ where: { caseId, cellLast: "77777-7" }, data: { duplicateOf: original!.id } });
    });

    it("lists cells by frequency, unplaced before a list is uploaded", async () => {
      const res = await cells();
      expect(res.status).toBe(200);
      const body = targetCellsResponseSchema.parse(res.body);
      expect(body.cells.map((c) => [c.cell, c.events])).toEqual([
        ["55303-1", 3],
        ["55303-2", 2],
        ["15159-3", 1],
        ["99999-1", 1],
      ]);
      expect(body.located).toBe(0);
      expect(body.unlocated).toBe(4);
    });

    it("uploads a list: rows = loaded + rejected, with the rejected row's line and reason", async () => {
      const res = await upload(CELL_LIST_CSV);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const body = cellSiteUploadResponseSchema.parse(res.body);
      expect(body).toMatchObject({ fileName: "sites.csv", headerLine: 2, rows: 4, loaded: 3, replaced: 0, rejectedCount: 1, count: 3 });
      expect(body.rejected).toEqual([{ line: 6, reason: 'latitude "abc" is not a number of degrees' }]);
      const list = cellSiteListResponseSchema.parse((await call(listSitesRoute, `/api/cases/${caseId}/cell-sites`, member)).body);
      expect(list.count).toBe(3);
      expect(list.sites.map((s) => s.cell)).toEqual(["15159", "55303-1", "55303-2"]);
    });

    it("counts each cell against a recount, placed by the list, by local hour in the case's zone", async () => {
      await env()!.db.case.update({ where: { id: caseId }, data: { displayTimezone: "America/Chicago" } });
      const body = targetCellsResponseSchema.parse((await cells()).body);
      const truth = recount("America/Chicago");
      expect(body.timezone).toBe("America/Chicago");
      expect(body.cells).toHaveLength(truth.cells.size);
      for (const c of body.cells) expect({ ...c, site: undefined }).toEqual({ cell: c.cell, ...truth.cells.get(c.cell), site: undefined });
      const byCell = new Map(body.cells.map((c) => [c.cell, c.site]));
      expect(byCell.get("55303-1")).toEqual({ latitude: 41.8781, longitude: -87.6298, azimuth: 30, beamwidth: 65, label: "Loop" });
      expect(byCell.get("55303-2")?.azimuth).toBe(150);
      expect(byCell.get("15159-3")).toEqual({ latitude: 32.7767, longitude: -96.797, azimuth: null, beamwidth: null, label: "Dallas" }); // the whole site's entry
      expect(byCell.get("99999-1")).toBeNull();
      expect([body.located, body.unlocated]).toEqual([3, 1]);
      expect(new Map(body.byHour.map((h) => [`${h.hour}|${h.cell}`, h.events]))).toEqual(truth.hours);
      // 2024-01-09T02:00Z is 20:00 the evening before in Chicago.
      expect(body.byHour).toContainEqual({ hour: 20, cell: "55303-2", events: 1 });
    });

    it("gives each call its first and last cell, placed, in time order, without duplicate legs", async () => {
      const body = cellCallsResponseSchema.parse((await calls()).body);
      expect(body.truncated).toBe(false);
      expect(body.calls.map((c) => [c.start, c.cellFirst, c.cellLast])).toEqual(
        SEEDS.filter((s) => s.target === TARGET && !s.duplicate && (s.first || s.last)).map((s) => [s.start, s.first, s.last]),
      );
      const second = body.calls[1]!;
      expect(second.first).toEqual({ lat: 41.8781, lon: -87.6298 });
      expect(second.last).toEqual({ lat: 41.8781, lon: -87.6298 });
      expect(body.calls[2]!.last).toBeNull();
      expect(body.calls[4]!.first).toBeNull(); // 99999-1 is not in the list
      const ranged = cellCallsResponseSchema.parse((await calls("&from=2024-01-09&to=2024-01-09&limit=1")).body);
      expect(ranged.calls.map((c) => c.start)).toEqual(["2024-01-09T02:00:00Z"]);
      expect(ranged.truncated).toBe(true);
      expect((await calls("&colour=red")).status).toBe(400);
    });

    it("answers a non-member with the missing case's 404, on every route", async () => {
      for (const res of [await cells(outsider), await calls("", outsider), await upload(CELL_LIST_CSV, outsider), await call(listSitesRoute, "/x", outsider)]) {
        expect(res.status).toBe(404);
        expect((res.body as { error: { message: string } }).error.message).toBe(NO_SUCH_CASE);
      }
    });

    it("refuses a list with no usable row with a sentence, and merges a re-upload", async () => {
      const bad = await upload("Cell ID,Lat,Lon\n1,x,y\n");
      expect(bad.status).toBe(400);
      expect((bad.body as { error: { message: string } }).error.message).toMatch(/^None of the 1 rows of the cell-site list could be used/);
      const again = cellSiteUploadResponseSchema.parse((await upload("Cell,Latitude,Longitude,Azimuth\n55303/1,41.9,-87.7,90\n99999-1,41.5,-87.5,\n", member, "more.csv")).body);
      expect(again).toMatchObject({ loaded: 2, replaced: 1, count: 4 });
      const body = targetCellsResponseSchema.parse((await cells()).body);
      expect(body.cells.find((c) => c.cell === "55303-1")!.site).toMatchObject({ latitude: 41.9, azimuth: 90, beamwidth: null });
      expect(body.unlocated).toBe(0);
    });

    it("clears the list, and deleting the case deletes its list", async () => {
      const { db } = env()!;
      const cleared = await call(clearSitesRoute, `/api/cases/${caseId}/cell-sites`, member, { method: "DELETE" });
      expect(cleared).toEqual({ status: 200, body: { deleted: 4 } });
      expect(targetCellsResponseSchema.parse((await cells()).body).located).toBe(0);
      await upload(CELL_LIST_CSV);
      expect(await db.cellSite.count({ where: { caseId } })).toBe(3);
      const admin = await createUserInDb(db, "admin", "admin");
      await db.callRecord.deleteMany({ where: { caseId } });
      await deleteCase(db, { id: admin.id, email: admin.email, name: admin.name, role: admin.role }, caseId);
      expect(await db.cellSite.count({ where: { caseId } })).toBe(0);
    });
  });
}
