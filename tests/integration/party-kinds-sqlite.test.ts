import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { listContacts } from "../../lib/data/contacts";
import { listRecords } from "../../lib/data/records";
import { recordsCsvHeader, recordToCsvLine } from "../../lib/data/records-csv";
import { caseSqliteHarness } from "../support/case-sqlite";

/**
 * Issue 17, end to end on SQLite: a carrier file whose other parties are an extension, 911, a short
 * code, a SIP address, a withheld caller and a UK national number loads every call, with kinds in
 * records, contacts (counted while inserting and by a recount alike), search and exports; only the
 * placeholder row is an error.
 */
const h = caseSqliteHarness();
const HEADER = "Item,Conn. Date,Conn. Time,Seizure Time,ET,Originating Number,Terminating Number,IMEI,IMSI,CT,Feature,Cell Location";

function attFile(name: string, others: string[]): string {
  const lines = ["AT&T Subpoena Compliance", `Target: ${h.TARGET}`, "All times shown in UTC", "", HEADER];
  others.forEach((other, i) => {
    const out = i % 2 === 0;
    const time = `10:${String(i).padStart(2, "0")}:00`;
    lines.push(
      [i + 1, "03/01/24", time, "0:01", "1:05", out ? h.TARGET : other, out ? other : h.TARGET, "814901191455192", "310287764668549", out ? "MO" : "MT", "[]", "12345-1"].join(","),
    );
  });
  const file = path.join(h.tmp.dir, name);
  fs.writeFileSync(file, lines.join("\r\n") + "\r\n");
  return file;
}

describe("every call is kept, whatever its other party (SQLite)", () => {
  it("loads extensions, service numbers, SIP addresses and withheld callers with their kinds", async () => {
    const caseId = await h.newCase();
    const others = ["6789", "911", "32665", "sip:alice@example.com", "Restricted", "2125550147", "N/A", "07943096148"];
    const { row, outcome } = await h.load(attFile("kinds.csv", others), caseId);
    expect(outcome?.plan?.reviewReasons ?? []).toEqual([]);
    expect({ rows: row.rowsRead, inserted: row.inserted, rejected: row.rejected }).toEqual({ rows: 8, inserted: 7, rejected: 1 });
    const errors = await h.db.ingestionError.findMany({ where: { jobId: row.id } });
    expect(errors.map((e) => [e.line, e.field, e.code])).toEqual([[12, "callee", "invalid_phone"]]);

    // Stored: a phone number's kind is implied by its E.164 column (null), every other kind is written.
    const kinds = h.read
      .prepare(
        `SELECT line, COALESCE(caller, caller_raw) AS a, COALESCE(caller_kind, 'e164') AS caller_kind, COALESCE(callee, callee_raw) AS b,
              COALESCE(callee_kind, 'e164') AS callee_kind, direction FROM call_records WHERE case_id = ? ORDER BY line`,
      )
      .all(caseId);
    expect(kinds).toEqual([
      { line: 6, a: h.T, caller_kind: "e164", b: "6789", callee_kind: "extension", direction: "outgoing" },
      { line: 7, a: "911", caller_kind: "service", b: h.T, callee_kind: "e164", direction: "incoming" },
      { line: 8, a: h.T, caller_kind: "e164", b: "32665", callee_kind: "short_code", direction: "outgoing" },
      { line: 9, a: "sip:alice@example.com", caller_kind: "sip", b: h.T, callee_kind: "e164", direction: "incoming" },
      { line: 10, a: h.T, caller_kind: "e164", b: "Restricted", callee_kind: "withheld", direction: "outgoing" },
      { line: 11, a: "+12125550147", caller_kind: "e164", b: h.T, callee_kind: "e164", direction: "incoming" },
      // A US carrier's file: its numbers are read as US numbers, and a UK national number is no US number.
      { line: 13, a: "07943096148", caller_kind: "invalid", b: h.T, callee_kind: "e164", direction: "incoming" },
    ]);

    // Contacts (counted while inserting) equal a recount, kinds included.
    h.expectConsistent(caseId);
    const contacts = await listContacts(h.db, { caseId }, { page: 1, pageSize: 50 });
    expect(contacts.kinds).toEqual({ e164: 1, extension: 1, service: 1, short_code: 1, sip: 1, withheld: 1, invalid: 1 });
    expect((await listContacts(h.db, { caseId }, { kind: "service", page: 1, pageSize: 50 })).contacts.map((c) => c.number)).toEqual(["911"]);

    // Search finds spelled parties as written and numbers by digits; exports carry kinds and raw values.
    const search = async (number: string) => (await listRecords(h.db, { scope: { caseId }, number, page: 1, pageSize: 50 })).records.map((r) => r.source_line);
    expect(await search("sip:alice@example.com")).toEqual([9]);
    expect(await search("Restricted")).toEqual([10]);
    expect(await search("6789")).toEqual([6]);
    const { records } = await listRecords(h.db, { scope: { caseId }, page: 1, pageSize: 50 });
    const header = recordsCsvHeader().split(",");
    expect(header).toEqual(expect.arrayContaining(["caller_kind", "caller_raw", "callee_kind", "callee_raw", "target_kind", "target_raw", "repaired"]));
    const line = recordToCsvLine(records.find((r) => r.source_line === 6)!).split(",");
    expect(line[header.indexOf("callee_kind")]).toBe("extension");
    expect(line[header.indexOf("callee_raw")]).toBe("6789");
    expect(line[header.indexOf("callee")]).toBe("");
  });

  it("stores companions right whether a 50-row insert carries them or not (the lean insert)", async () => {
    const caseId = await h.newCase();
    // Rows 1–50 plain numbers (one lean statement), 51–100 with an extension every fifth row, 101–130 plain.
    const others = Array.from({ length: 130 }, (_, i) => (i >= 50 && i < 100 && i % 5 === 0 ? String(1000 + i) : `212555${String(1000 + i).padStart(4, "0")}`));
    const lines = ["AT&T Subpoena Compliance", `Target: ${h.TARGET}`, "All times shown in UTC", "", HEADER];
    others.forEach((other, i) => {
      const t = new Date(Date.UTC(2024, 2, 1) + i * 60_000);
      const time = t.toISOString().slice(11, 19);
      lines.push([i + 1, "03/01/24", time, "0:01", "1:05", h.TARGET, other, "814901191455192", "310287764668549", "MO", "[]", "12345-1"].join(","));
    });
    const file = path.join(h.tmp.dir, "lean.csv");
    fs.writeFileSync(file, lines.join("\r\n") + "\r\n");
    const { row } = await h.load(file, caseId);
    expect(row.inserted).toBe(130);
    const stored = h.read.prepare(`SELECT callee, callee_kind, callee_raw FROM call_records WHERE case_id = ? ORDER BY line`).all(caseId) as {
      callee: string | null;
      callee_kind: string | null;
      callee_raw: string | null;
    }[];
    stored.forEach((r, i) => {
      const ext = i >= 50 && i < 100 && i % 5 === 0;
      expect(r, `row ${i + 1}`).toEqual(
        ext
          ? { callee: null, callee_kind: "extension", callee_raw: String(1000 + i) }
          : { callee: `+1212555${String(1000 + i).padStart(4, "0")}`, callee_kind: null, callee_raw: null },
      );
    });
    h.expectConsistent(caseId);
  });

  it("keeps the counts right when a second file of the target adds to the contacts", async () => {
    const caseId = await h.newCase();
    await h.load(attFile("first.csv", ["6789", "911", "2125550147"]), caseId);
    const second = await h.load(attFile("second.csv", ["Private", "6789", "611", "3125550111"]), caseId);
    expect(second.row.inserted).toBe(4);
    h.expectConsistent(caseId);
    const ext = h.contactsIn(caseId).find((c) => (c as { number: string }).number === "6789");
    expect(ext).toMatchObject({ kind: "extension", calls: 2 });
    // The same file again: every call is a duplicate, extension calls included.
    const again = await h.load(attFile("second.csv", ["Private", "6789", "611", "3125550111"]), caseId);
    expect({ inserted: again.row.inserted, duplicates: again.row.duplicates }).toEqual({ inserted: 0, duplicates: 4 });
  });
});
