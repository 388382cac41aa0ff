import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { caseSqliteHarness } from "../support/case-sqlite";
import { createRng } from "../fuzz/prng";

const h = caseSqliteHarness();

/**
 * The same rows in time order and shuffled, each into a case of its own (issue 20: results must not
 * depend on time order): a shuffled file gives up the sink's in-flight accumulators and the
 * post-load rescans the job, an ordered one does not; both must store exactly the same.
 * Everything a case holds must come out the same either way (record ids aside).
 */
describe("a file out of time order (SQLite)", () => {
  /** attFile's rows plus, for near-duplicates and the file's own duplicates, copies of some rows. */
  function files(rows: number) {
    const base = h.attFile(`base-${rows}.csv`, { rows, startMs: Date.UTC(2024, 0, 1), stepSeconds: 900, seed: 20, bad: [7] });
    const lines = fs.readFileSync(base, "utf8").split("\r\n").filter(Boolean);
    const head = lines.slice(0, 5);
    // A silence of ~3 days in the middle: timeline gaps to compare.
    const data = [...lines.slice(5, 5 + rows / 2), ...lines.slice(5 + rows / 2 + 300)];
    const extra: string[] = [];
    for (let i = 10; i < data.length; i += 37) {
      const cols = data[i]!.split(",");
      extra.push(data[i]!); // the same row again: a duplicate within the file
      // The same call one second later, a second longer: a near-duplicate (another switch leg).
      // (Not at :59, where it would start in the same second: between records of one start time the
      // earlier id is primary, and ids follow the file's order whichever way it is loaded.)
      const [hh, mm, ss] = cols[2]!.split(":").map(Number) as [number, number, number];
      if (ss === 59) continue;
      const s = ss + 1;
      const [em, es] = cols[4]!.split(":").map(Number) as [number, number];
      extra.push(
        [
          cols[0],
          cols[1],
          `${String(hh).padStart(2, "0")}:${String(mm).padStart(2, "0")}:${String(s).padStart(2, "0")}`,
          cols[3],
          `${em}:${String(es + 1).padStart(2, "0")}`,
          ...cols.slice(5),
        ].join(","),
      );
    }
    // Ordered: each copy right after its row (stable sort on date and time); shuffled: any order.
    const key = (l: string) => {
      const [, d, t] = l.split(",") as [string, string, string];
      return d.slice(6, 8) + d.slice(0, 5) + t;
    };
    const all = [...data, ...extra];
    const ordered = [...all].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    const rnd = createRng(99).next;
    const shuffled = [...all];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    const write = (name: string, body: string[]) => {
      const file = path.join(h.tmp.dir, name);
      fs.writeFileSync(file, [...head, ...body].join("\r\n") + "\r\n");
      return file;
    };
    // In order until its last rows, which go back to the beginning: what was inserted moves to staging.
    const late = [...ordered.slice(rows / 10), ...ordered.slice(0, rows / 10)];
    return { ordered: write(`ordered-${rows}.csv`, ordered), shuffled: write(`shuffled-${rows}.csv`, shuffled), late: write(`late-${rows}.csv`, late) };
  }

  const links = (caseId: number) =>
    h.read
      .prepare(`SELECT r.content_hash AS record, p.content_hash AS primary_record FROM call_records r JOIN call_records p ON p.id = r.duplicate_of WHERE r.case_id = ? ORDER BY 1`)
      .all(caseId);
  const stored = (caseId: number) => h.read.prepare(`SELECT content_hash FROM call_records WHERE case_id = ? ORDER BY 1`).pluck().all(caseId);

  it("gives the same records, counts, contacts, gaps and near-duplicate links as the ordered file", async () => {
    const { ordered, shuffled } = files(3000);
    const a = await h.newCase();
    const b = await h.newCase();
    const inOrder = await h.load(ordered, a);
    const outOfOrder = await h.load(shuffled, b);
    expect(inOrder.outcome?.status).toBe("partial");
    expect(outOfOrder.outcome?.counts).toEqual(inOrder.outcome?.counts);
    expect(inOrder.outcome?.counts.duplicates).toBeGreaterThan(50);
    expect(stored(b)).toEqual(stored(a));
    expect(h.linksIn(a)).toBeGreaterThan(50);
    expect(links(b)).toEqual(links(a));
    expect(h.contactsIn(b)).toEqual(h.contactsIn(a));
    expect(h.candidatesIn(b)).toEqual(h.candidatesIn(a));
    expect(h.candidatesIn(a).length).toBeGreaterThan(0);
    h.expectConsistent(a);
    h.expectConsistent(b);
    // (The quality scores may differ by a tenth: the mapping's confidence comes from the file's first rows.)

    // A re-upload of the shuffled file into its case: all duplicates, nothing changes.
    const again = await h.load(shuffled, b);
    expect(again.outcome?.counts.inserted).toBe(0);
    expect(again.outcome?.counts.duplicates).toBe(outOfOrder.outcome!.counts.inserted + outOfOrder.outcome!.counts.duplicates);
    expect(h.contactsIn(b)).toEqual(h.contactsIn(a));
    h.expectConsistent(b);
  });

  it("stores the same when the file goes back in time only near its end (the rows inserted before are staged too)", async () => {
    const { ordered, late } = files(3000);
    const a = await h.newCase();
    const b = await h.newCase();
    const inOrder = await h.load(ordered, a);
    const lateLoad = await h.load(late, b);
    expect(lateLoad.outcome?.counts).toEqual(inOrder.outcome?.counts);
    expect(stored(b)).toEqual(stored(a));
    expect(links(b)).toEqual(links(a));
    expect(h.contactsIn(b)).toEqual(h.contactsIn(a));
    expect(h.candidatesIn(b)).toEqual(h.candidatesIn(a));
    // The ~1,900 rows inserted before the file went back were moved (record ids are never reused:
    // the case's first id comes after theirs), and everything went in in time order at the end.
    const ids = (c: number) => h.read.prepare(`SELECT MIN(id) AS min, MAX(id) AS max FROM call_records WHERE case_id = ?`).get(c) as { min: number; max: number };
    expect(ids(b).min - ids(a).max - 1).toBeGreaterThan(1500);
    const starts = h.read.prepare(`SELECT start_time FROM call_records WHERE case_id = ? ORDER BY id`).pluck().all(b) as string[];
    expect(starts).toEqual([...starts].sort());
    h.expectConsistent(b);
  });
});
