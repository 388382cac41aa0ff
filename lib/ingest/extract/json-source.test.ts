import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { detectFileFormat } from "../detect-format";
import type { SourceRow, TableSource } from "../types";
import { openTableSource } from "./open-table-source";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "switchyard-json-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const f = path.join(tmp, name);
  fs.writeFileSync(f, text);
  return f;
}

async function open(file: string): Promise<TableSource> {
  const { format } = await detectFileFormat(file, path.basename(file));
  return openTableSource(file, format);
}

async function drain(src: TableSource): Promise<SourceRow[]> {
  const out: SourceRow[] = [];
  for await (const batch of src.rows()) out.push(...batch);
  return out;
}

describe("JSON documents", () => {
  it("finds the record array inside an envelope, flattens nested objects, keeps scalars as preamble", async () => {
    const doc = {
      timezone: "America/New_York",
      target: "7135551234",
      meta: { generated: "2024-03-01", count: 3 },
      data: {
        pages: [{ n: 1 }],
        calls: [
          { start: "2024-01-02 10:00:00", from: { number: 2125551234 }, to: { number: "7135551234" }, duration: 65 },
          { start: "2024-01-02 11:00:00", from: { number: 7135551234 }, to: { number: "3055550000" }, duration: 0, type: "SMS" },
          { start: "2024-01-02 12:00:00", from: { number: 7135551234 }, to: null, tags: ["a", "b"] },
        ],
      },
    };
    const src = await open(write("envelope.json", JSON.stringify(doc, null, 2)));
    const sample = await src.sample();
    expect(sample.format).toBe("json");
    expect(sample.headers).toEqual(["start", "from.number", "to.number", "duration", "type", "to", "tags"]);
    expect(sample.preamble).toEqual(["timezone: America/New_York", "target: 7135551234", "meta.generated: 2024-03-01", "meta.count: 3"]);
    const rows = await drain(src);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3]);
    expect(rows[0]!.cells).toEqual(["2024-01-02 10:00:00", "2125551234", "7135551234", "65", "", "", ""]);
    expect(rows[2]!.cells).toEqual(["2024-01-02 12:00:00", "7135551234", "", "", "", "", "a, b"]);
    expect(JSON.parse(rows[1]!.raw)).toEqual(doc.data.calls[1]);
  });

  it("refuses documents nested past the depth cap and invalid JSON, with reasons", async () => {
    const deep = write("deep.json", "[".repeat(100) + "]".repeat(100));
    await expect((await open(deep)).sample()).rejects.toMatchObject({ code: "json_too_deep" });
    const bad = write("bad.json", '[{"a": 1}, {"a": ]');
    await expect((await open(bad)).sample()).rejects.toMatchObject({ code: "invalid_json" });
  });
});

describe("NDJSON", () => {
  it("streams line by line with physical line numbers; bad lines become row issues; keys are the union over the file", async () => {
    const lines = ['{"a":1,"b":{"c":"x"}}', "", '{"a":2}', "not json", ...Array.from({ length: 300 }, (_, i) => `{"a":${i + 3}}`), '{"a":9,"late":"y"}'];
    const src = await open(write("calls.ndjson", lines.join("\n") + "\n"));
    const sample = await src.sample();
    expect(sample.format).toBe("ndjson");
    expect(sample.headers).toEqual(["a", "b.c", "late"]);
    const rows = await drain(src);
    expect(rows).toHaveLength(lines.length - 1);
    expect(rows[0]).toMatchObject({ line: 1, cells: ["1", "x", ""] });
    expect(rows[1]).toMatchObject({ line: 3, cells: ["2", "", ""] });
    expect(rows[2]).toMatchObject({ line: 4, issue: { code: "invalid_record" } });
    expect(rows.at(-1)).toMatchObject({ line: lines.length, cells: ["9", "", "y"] });
    expect(src.bytesRead()).toBe(src.bytesTotal);
  });
});
