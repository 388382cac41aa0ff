import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as exportRoute } from "../../app/api/records/export/route";
import { GET as recordsRoute } from "../../app/api/records/route";
import { createSession } from "../../lib/auth/session";
import type { AppConfig } from "../../lib/config";
import { dbEngine, type Db } from "../../lib/db/prisma";
import { deviceEntriesFromJobSql } from "../../lib/db/record-device-runs";
import { createJob } from "../../lib/jobs/job-commands";
import type { QueuePort } from "../../lib/jobs/queue-port";
import { setRuntime, type Runtime } from "../../lib/server/runtime";
import { noSocketControl } from "../../lib/server/socket-control";

/**
 * Analytics issue 21, shared by the SQLite and the PostgreSQL suites: GET /api/records and its
 * export apply imei, imsi, cell, direction, duration range, type, time range and number, each
 * alone and together (AND), checked against a recount of the seeded rows; unknown query
 * parameters and an upside-down duration range are 400s with a sentence, never ignored.
 */
export interface SearchEnv {
  db: Db;
  config: AppConfig;
}

const BASE = "http://127.0.0.1:3000";
// 490154203237518 is a valid IMEI (Luhn); stored in three spellings: bare, grouped, and its 14 digits.
const IMEI = "490154203237518";
const IMEIS = [IMEI, "49-015420-323751-8", "49015420323751", "356938035643809", null];
const IMSIS = ["310260123456789", "310 260 123456789", "234150999999999", null];
const CELLS = ["A1", "B2", "C3", null];
const TYPES = ["voice", "voice", "sms", "data"] as const;
const DIRECTIONS = ["incoming", "outgoing", null] as const;

interface Seed {
  imei: string | null;
  imsi: string | null;
  cellFirst: string | null;
  cellLast: string | null;
  direction: string | null;
  recordType: string;
  durationSeconds: number | null;
  startTime: string;
  caller: string;
  callee: string;
}

function seeds(n: number): Seed[] {
  return Array.from({ length: n }, (_, i) => ({
    imei: IMEIS[i % IMEIS.length]!,
    imsi: IMSIS[(i * 3) % IMSIS.length]!,
    cellFirst: CELLS[i % CELLS.length]!,
    cellLast: CELLS[(i + 1 + Math.floor(i / 4)) % CELLS.length]!,
    direction: DIRECTIONS[i % DIRECTIONS.length]!,
    recordType: TYPES[(i * 7) % TYPES.length]!,
    durationSeconds: i % 9 === 0 ? null : (i * 37) % 300,
    startTime: new Date(Date.UTC(2024, 0, 1 + (i % 20), i % 24, 0, 0)).toISOString().replace(".000Z", "Z"),
    caller: `+1312555${String(1000 + (i % 5)).padStart(4, "0")}`,
    callee: `+1206555${String(2000 + i).padStart(4, "0")}`,
  }));
}

const digits = (v: string | null) => (v ?? "").replace(/[\s.-]/g, "");

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export function recordSearchSuite(label: string, env: () => SearchEnv | null) {
  const SEEDS = seeds(120);
  let cookie = "";
  let caseId = 0;
  let otherCase = 0;

  async function get(handler: Handler, query: string) {
    const res = await handler(new Request(`${BASE}${query}`, { headers: { cookie } }), { params: Promise.resolve({}) });
    return { status: res.status, text: await res.text() };
  }
  async function list(params: Record<string, string>) {
    const q = new URLSearchParams({ caseId: String(caseId), pageSize: "500", ...params });
    const res = await get(recordsRoute as Handler, `/api/records?${q}`);
    expect(res.status, res.text).toBe(200);
    return JSON.parse(res.text) as { total: number; records: { imei: string | null; caller: string; start_time: string }[] };
  }

  describe.skipIf(!env())(`record search (${label})`, () => {
    it("seeds two cases through the runtime", async () => {
      const { db, config } = env()!;
      const queue = { depth: 0, submit: (input: Parameters<QueuePort["submit"]>[0]) => createJob(db, input) } as unknown as QueuePort;
      setRuntime({
        config,
        db,
        queue,
        events: { progress() {}, updated() {}, casesChanged() {} },
        sockets: noSocketControl,
        previewMapping: () => Promise.reject(new Error("unused")),
      } as unknown as Runtime);
      const userId = crypto.randomUUID();
      await db.user.create({ data: { id: userId, email: `search-${userId.slice(0, 6)}@switchyard.test`, name: "Searcher", passwordHash: "x", role: "analyst" } });
      cookie = `sy_session=${(await createSession(db, userId)).token}`;
      for (const name of ["Search", "Other"]) {
        const c = await db.case.create({ data: { name: `${name} ${userId.slice(0, 6)}`, members: { create: [{ userId, role: "analyst" }] } } });
        const job = await createJob(db, { fileName: `${name}.csv`, storedPath: `/nowhere/${name}.csv`, sha256: "0".repeat(64), sizeBytes: 10, caseId: c.id });
        await db.ingestionJob.update({ where: { id: job.id }, data: { status: "completed", inserted: SEEDS.length } });
        // The other case holds the same records: a search must never reach across cases.
        await db.callRecord.createMany({ data: SEEDS.map((s, i) => ({ ...s, jobId: job.id, caseId: c.id, contentHash: crypto.randomUUID(), line: i + 2 })) });
        // The loader writes the device look-up entries at the end of a file; seeds written by hand do it here.
        for (const sql of deviceEntriesFromJobSql(dbEngine(db))) await db.$executeRawUnsafe(sql, job.id);
        if (name === "Search") caseId = c.id;
        else otherCase = c.id;
      }
      expect((await list({})).total).toBe(SEEDS.length);
    });

    const count = (pred: (s: Seed) => boolean) => SEEDS.filter(pred).length;
    const imei15 = (s: Seed) => digits(s.imei) === IMEI || digits(s.imei) === IMEI.slice(0, 14);
    const CASES: [string, Record<string, string>, (s: Seed) => boolean][] = [
      ["imei (15 digits)", { imei: IMEI }, imei15],
      ["imei (14 digits, no check digit)", { imei: IMEI.slice(0, 14) }, imei15],
      ["imei (grouped with spaces)", { imei: "49 015420 323751 8" }, imei15],
      ["imei (other handset)", { imei: "35-693803-564380-9" }, (s) => digits(s.imei).startsWith("35693803564380")],
      ["imsi", { imsi: "310260123456789" }, (s) => digits(s.imsi) === "310260123456789"],
      ["imsi (dashed)", { imsi: "310-260-123456789" }, (s) => digits(s.imsi) === "310260123456789"],
      ["cell (first or last)", { cell: "B2" }, (s) => s.cellFirst === "B2" || s.cellLast === "B2"],
      ["direction", { direction: "incoming" }, (s) => s.direction === "incoming"],
      ["type", { type: "sms" }, (s) => s.recordType === "sms"],
      ["from/to", { from: "2024-01-05T00:00:00Z", to: "2024-01-10T23:59:59Z" }, (s) => s.startTime >= "2024-01-05T00:00:00Z" && s.startTime <= "2024-01-10T23:59:59Z"],
      // A date alone: its whole UTC day, "to" included.
      ["from/to as dates", { from: "2024-01-05", to: "2024-01-10" }, (s) => s.startTime >= "2024-01-05T00:00:00Z" && s.startTime <= "2024-01-10T23:59:59Z"],
      ["minDuration (inclusive)", { minDuration: "111" }, (s) => s.durationSeconds !== null && s.durationSeconds >= 111],
      ["maxDuration (inclusive)", { maxDuration: "111" }, (s) => s.durationSeconds !== null && s.durationSeconds <= 111],
      ["minDuration = maxDuration", { minDuration: "74", maxDuration: "74" }, (s) => s.durationSeconds === 74],
      ["number", { number: "+13125551002" }, (s) => s.caller === "+13125551002"],
      [
        "imei + direction + minDuration",
        { imei: IMEI, direction: "outgoing", minDuration: "50" },
        (s) => imei15(s) && s.direction === "outgoing" && (s.durationSeconds ?? -1) >= 50,
      ],
      [
        "cell + type + time range",
        { cell: "A1", type: "voice", from: "2024-01-03T00:00:00Z" },
        (s) => (s.cellFirst === "A1" || s.cellLast === "A1") && s.recordType === "voice" && s.startTime >= "2024-01-03T00:00:00Z",
      ],
      [
        "imsi + imei + number + duration range",
        { imsi: "310 260 123456789", imei: IMEI, number: "5551000", minDuration: "10", maxDuration: "250" },
        (s) =>
          digits(s.imsi) === "310260123456789" && imei15(s) && s.caller === "+13125551000" && s.durationSeconds !== null && s.durationSeconds >= 10 && s.durationSeconds <= 250,
      ],
      ["a search that matches nothing", { imei: "000000000000000" }, () => false],
    ];

    it.each(CASES)("%s narrows to exactly the matching records", async (_name, params, pred) => {
      const expected = count(pred);
      const got = await list(params);
      expect(got.total).toBe(expected);
      expect(got.records).toHaveLength(expected);
    });

    it("each filter really narrows (the seed is not degenerate)", () => {
      for (const [name, , pred] of CASES.slice(0, -1)) {
        const n = count(pred);
        expect(n, name).toBeGreaterThan(0);
        expect(n, name).toBeLessThan(SEEDS.length);
      }
    });

    it("pages a filtered list with the same total", async () => {
      const q = new URLSearchParams({ caseId: String(caseId), imei: IMEI, pageSize: "5", page: "2" });
      const res = await get(recordsRoute as Handler, `/api/records?${q}`);
      const body = JSON.parse(res.text) as { total: number; records: unknown[] };
      expect(body.total).toBe(count(imei15));
      expect(body.records).toHaveLength(Math.min(5, count(imei15) - 5));
    });

    it("searches every case the user may see without caseId, and only the named one with it", async () => {
      const res = await get(recordsRoute as Handler, `/api/records?imei=${IMEI}&pageSize=500`);
      expect((JSON.parse(res.text) as { total: number }).total).toBe(2 * count(imei15));
      const other = await get(recordsRoute as Handler, `/api/records?caseId=${otherCase}&imei=${IMEI}`);
      expect((JSON.parse(other.text) as { total: number }).total).toBe(count(imei15));
    });

    it("exports (CSV) exactly the records the list finds with the same filters", async () => {
      const params = { imei: IMEI, direction: "outgoing", minDuration: "50" };
      const expected = count(CASES.find((c) => c[0] === "imei + direction + minDuration")![2]);
      const res = await get(exportRoute as Handler, `/api/records/export?${new URLSearchParams({ caseId: String(caseId), format: "csv", ...params })}`);
      expect(res.status, res.text).toBe(200);
      const lines = res.text.trim().split("\n");
      expect(lines.length - 1).toBe(expected);
      expect((await list(params)).total).toBe(expected);
    });

    it.each([
      ["/api/records", recordsRoute],
      ["/api/records/export", exportRoute],
    ])("refuses an unknown query parameter on %s with a 400 naming it", async (path, handler) => {
      const res = await get(handler as Handler, `${path}?caseId=${caseId}&imei2=${IMEI}`);
      expect(res.status).toBe(400);
      const { error } = JSON.parse(res.text) as { error: { code: string; message: string } };
      expect(error.code).toBe("bad_request");
      expect(error.message).toMatch(/Unknown query parameter "imei2"/);
      expect(error.message).toMatch(/known ones are .*imei/);
    });

    it("refuses the page URL's ?case= (the API names a case by caseId) instead of searching every case", async () => {
      const res = await get(recordsRoute as Handler, `/api/records?case=${caseId}&imei=${IMEI}`);
      expect(res.status).toBe(400);
      expect((JSON.parse(res.text) as { error: { message: string } }).error.message).toMatch(/"case".*named by caseId/);
    });

    it("refuses paging parameters on the export (it has none)", async () => {
      expect((await get(exportRoute as Handler, `/api/records/export?caseId=${caseId}&page=2`)).status).toBe(400);
    });

    it.each([
      ["/api/records", recordsRoute],
      ["/api/records/export", exportRoute],
    ])("refuses minDuration > maxDuration on %s with a sentence", async (path, handler) => {
      const res = await get(handler as Handler, `${path}?caseId=${caseId}&minDuration=90&maxDuration=30`);
      expect(res.status).toBe(400);
      expect((JSON.parse(res.text) as { error: { message: string } }).error.message).toMatch(/minDuration must not be greater than maxDuration/);
    });

    it.each([
      ["minDuration=abc", /minDuration/],
      ["maxDuration=-1", /maxDuration/],
      ["direction=sideways", /direction/],
      ["imei=not-an-imei!", /IMEI/],
      ["type=fax", /type/],
    ])("refuses %s with a 400", async (q, message) => {
      const res = await get(recordsRoute as Handler, `/api/records?caseId=${caseId}&${q}`);
      expect(res.status).toBe(400);
      expect(res.text).toMatch(message);
    });
  });
}
