import crypto from "node:crypto";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { StoredHashFingerprints } from "./stored-hash-fingerprints";

/** A content hash as hashRecord writes it: 10 hex digits of start second, 54 of digest. */
const contentHash = (second: number, seed: string) => second.toString(16).padStart(10, "0") + crypto.createHash("sha256").update(seed).digest("hex").slice(0, 54);

/** The two columns the fingerprints read, with call_records' unique key. */
function database(rows: [caseId: number, hash: string][]): Database.Database {
  const db = new Database(":memory:");
  db.exec(`CREATE TABLE call_records (id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL, content_hash TEXT NOT NULL, UNIQUE (case_id, content_hash))`);
  const insert = db.prepare(`INSERT INTO call_records (case_id, content_hash) VALUES (?, ?)`);
  db.transaction(() => rows.forEach(([c, h]) => insert.run(c, h)))();
  return db;
}

describe("stored hash fingerprints", () => {
  it("hold exactly the case's hashes, across load pages and the table's wrap-around", () => {
    // 25,000 hashes: three pages of the load; many share a second, as a busy target's calls do.
    const mine = Array.from({ length: 25_000 }, (_, i) => contentHash(1_700_000_000 + (i >> 3), `mine ${i}`));
    const others = Array.from({ length: 2_000 }, (_, i) => contentHash(1_700_000_000 + (i >> 3), `other ${i}`));
    const db = database([...mine.map((h) => [1, h] as [number, string]), ...others.map((h) => [2, h] as [number, string])]);
    const set = StoredHashFingerprints.load(db, 1)!;
    expect(set.size).toBe(25_000);
    expect(mine.every((h) => set.has(h))).toBe(true);
    // Another case's hashes, and new ones of the same seconds, are not stored in this case.
    expect(others.filter((h) => set.has(h))).toEqual([]);
    const fresh = Array.from({ length: 25_000 }, (_, i) => contentHash(1_700_000_000 + (i >> 3), `new ${i}`));
    expect(fresh.filter((h) => set.has(h))).toEqual([]);
    // One digit off within the fingerprint, in the time or in the digest: not stored.
    const h = mine[1234]!;
    const flip = (at: number) => h.slice(0, at) + (h[at] === "0" ? "1" : "0") + h.slice(at + 1);
    for (const at of [0, 9, 10, 17, 31]) expect(set.has(flip(at))).toBe(false);
  });

  it("an empty case holds nothing; the all-zero fingerprint is held apart from the empty slots", () => {
    expect(StoredHashFingerprints.load(database([]), 1)!.has(contentHash(1_700_000_000, "x"))).toBe(false);
    const zero = "0".repeat(64);
    const db = database([
      [1, zero],
      [1, contentHash(5, "y")],
    ]);
    const set = StoredHashFingerprints.load(db, 1)!;
    expect(set.has(zero)).toBe(true);
    expect(set.has(contentHash(5, "y"))).toBe(true);
    expect(StoredHashFingerprints.load(database([[1, contentHash(5, "y")]]), 1)!.has(zero)).toBe(false);
  });

  it("are built once in a shared buffer: later callers take that table, not their own database's", () => {
    const hashes = Array.from({ length: 500 }, (_, i) => contentHash(1_700_000_000 + i, `shared ${i}`));
    const buffer = StoredHashFingerprints.sharedBuffer();
    const built = StoredHashFingerprints.fromShared(database(hashes.map((h) => [1, h])), 1, buffer);
    expect(built).not.toBe("building");
    // Another connection whose case is empty: the table it gets is the one in the buffer.
    const taken = StoredHashFingerprints.fromShared(database([]), 1, buffer);
    expect(taken).not.toBeNull();
    expect(taken !== "building" && taken!.size).toBe(500);
    expect(taken !== "building" && hashes.every((h) => taken!.has(h))).toBe(true);
    // While another thread builds it (state 1 in the buffer's header), callers are told so.
    const busy = StoredHashFingerprints.sharedBuffer();
    Atomics.store(new Int32Array(busy, 0, 4), 0, 1);
    expect(StoredHashFingerprints.fromShared(database(hashes.map((h) => [1, h])), 1, busy)).toBe("building");
  });

  it("is not built when the case's hashes would need more memory than allowed", () => {
    const db = database(Array.from({ length: 1_000 }, (_, i) => [1, contentHash(i, String(i))] as [number, string]));
    // 1,000 hashes need ceil(1000 / 0.7) = 1,429 slots of 16 bytes.
    expect(StoredHashFingerprints.load(db, 1, 1_429 * 16 - 1)).toBeNull();
    expect(StoredHashFingerprints.load(db, 1, 1_429 * 16)?.size).toBe(1_000);
    // Too big once is too big for every thread sharing the buffer: nobody builds it again.
    const small = StoredHashFingerprints.sharedBuffer(1_000);
    expect(StoredHashFingerprints.fromShared(db, 1, small)).toBeNull();
    expect(StoredHashFingerprints.fromShared(database([]), 1, small)).toBeNull();
  });
});
