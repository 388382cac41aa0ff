import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { RECORD_KEYS, type CanonicalRecord } from "../../schemas/record";
import { hashRecord } from "./hash-record";
import { validateRecord } from "./validate-record";
import { canonicalRecord } from "../../../tests/support/factories";

const base: CanonicalRecord = canonicalRecord({
  duration_seconds: 0,
  record_type: "sms",
  imei: "814901191455192",
  imsi: "310287764668549",
  cell_first: "36006-2",
});

describe("hashRecord", () => {
  it("is a stable SHA-256 hex that ignores key order", () => {
    const shuffled = Object.fromEntries(Object.entries(base).reverse()) as CanonicalRecord;
    expect(hashRecord(base)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRecord(shuffled)).toBe(hashRecord(base));
  });

  it("changes with any value and keeps null, empty and shifted values apart", () => {
    expect(hashRecord({ ...base, duration_seconds: 1 })).not.toBe(hashRecord(base));
    expect(hashRecord({ ...base, dialed_digits: "" })).not.toBe(hashRecord(base));
    expect(hashRecord({ ...base, cell_first: "a|b", cell_last: null })).not.toBe(hashRecord({ ...base, cell_first: "a", cell_last: "b" }));
  });
});

describe("hashRecord of parties without an E.164 form", () => {
  it("tells extensions, service numbers and withheld callers apart by kind and raw value", () => {
    const ext = (raw: string) => ({ ...base, caller: null, caller_kind: "extension" as const, caller_raw: raw, target: null, target_raw: null, target_kind: null });
    expect(hashRecord(ext("101"))).not.toBe(hashRecord(ext("102")));
    expect(hashRecord(ext("101"))).toBe(hashRecord(ext("101")));
    expect(hashRecord({ ...ext("911"), caller_kind: "service" })).not.toBe(hashRecord(ext("911")));
    expect(hashRecord(ext("101"))).not.toBe(hashRecord({ ...ext("101"), caller_raw: null }));
    expect(hashRecord(ext("\ud800"))).not.toBe(hashRecord(ext("\ufffd")));
  });
});

describe("validateRecord", () => {
  it("accepts a canonical record and names what is wrong otherwise", () => {
    expect(validateRecord(base).ok).toBe(true);
    const bad = validateRecord({ ...base, caller: "7133537623", start_time: "2023-09-02 01:25:10" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues.join(" ")).toMatch(/caller/);
  });
});

describe("hashRecord key order", () => {
  it("starts with the start time so the unique index grows in time order", () => {
    const later = hashRecord({ ...base, start_time: "2023-09-02T01:25:11Z" });
    expect(hashRecord(base).slice(0, 10)).toBe((Date.parse(base.start_time) / 1000).toString(16).padStart(10, "0"));
    expect(later > hashRecord(base)).toBe(true);
    expect(later).toMatch(/^[0-9a-f]{64}$/);
  });

  it("keeps lone surrogates apart from the replacement character", () => {
    expect(hashRecord({ ...base, cell_first: "\ud800" })).not.toBe(hashRecord({ ...base, cell_first: "\ufffd" }));
    expect(hashRecord({ ...base, cell_first: "1:a;" })).not.toBe(hashRecord({ ...base, cell_first: "1", cell_last: "a" }));
  });
});

describe("hashRecord bytes", () => {
  /** The content key as first specified, spelled out plainly: stored keys must never change. */
  function reference(r: CanonicalRecord): string {
    const parts = RECORD_KEYS.map((k) => {
      const v = r[k] as string | number | null;
      if (v === null || v === undefined) return "~;";
      if (typeof v === "number") return `#${v};`;
      return /[\ud800-\udfff]/.test(v) ? `j${JSON.stringify(v)};` : `${v.length}:${v};`;
    });
    const seconds = Math.floor(Date.parse(r.start_time) / 1000);
    return seconds.toString(16).padStart(10, "0") + crypto.createHash("sha256").update(parts.join(""), "utf8").digest("hex").slice(0, 54);
  }

  it("hashes exactly the bytes of the original serialization, whatever the text", () => {
    const texts = ["", "0", "a;b", "1:a;", "é", "Zürich-Ost 12", "中国移动", "cell 😀 7", "\ud800", "x\udc00y", "~;", "#5;", "ñ".repeat(200), "z".repeat(300)];
    let checked = 0;
    for (const text of texts) {
      for (const key of ["cell_first", "cell_last", "dialed_digits", "imei"] as const) {
        const r = { ...base, [key]: text };
        expect(hashRecord(r), `${key} = ${JSON.stringify(text)}`).toBe(reference(r));
        checked++;
      }
    }
    for (const duration of [0, 7, 59, 3600, 604800]) expect(hashRecord({ ...base, duration_seconds: duration })).toBe(reference({ ...base, duration_seconds: duration }));
    const noParties = { ...base, caller: null, callee: null, target: null, direction: null, caller_raw: null, callee_raw: null, target_raw: null };
    expect(hashRecord(noParties)).toBe(reference(noParties));
    // Kinds, raw spellings and the repair mark of E.164 parties are not hashed: stored hashes stay valid.
    expect(hashRecord({ ...base, caller_raw: "(713) 353-7623", repaired: true })).toBe(reference(base));
    expect(hashRecord({ ...base, duration_seconds: null })).toBe(reference({ ...base, duration_seconds: null }));
    expect(checked).toBe(texts.length * 4);
  });
});
