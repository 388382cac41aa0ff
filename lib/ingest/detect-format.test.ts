import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { corpus } from "../../tests/support/corpora";
import { detectFileFormat, detectFormat } from "./detect-format";
import { IngestError } from "./types";

const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "latin1")] : p)));

function refusal(head: Uint8Array, name = "calls.csv"): IngestError {
  try {
    detectFormat(head, name);
  } catch (err) {
    expect(err).toBeInstanceOf(IngestError);
    return err as IngestError;
  }
  throw new Error("expected a refusal");
}

describe("detectFormat (head only)", () => {
  it("names formats by content", () => {
    expect(detectFormat(bytes("%PDF-1.7\n"), "x.pdf")).toEqual({ format: "pdf", mismatch: null });
    expect(detectFormat(bytes("Date,From,To\n2024-01-01,1,2\n"), "x.csv").format).toBe("text");
    expect(detectFormat(bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], new Array(600).fill(0)), "x.xls").format).toBe("xls");
    expect(detectFormat(bytes('  [{"a":1}]'), "x.json").format).toBe("json");
    expect(detectFormat(bytes([0xef, 0xbb, 0xbf], '{"meta":{},"data":[]}'), "x.json").format).toBe("json");
    expect(detectFormat(bytes('{"a":1}\n{"a":2}\n{"a":'), "x.json").format).toBe("ndjson");
    expect(detectFormat(bytes("[Report]\nDate,From\n"), "x.txt").format).toBe("text");
    expect(detectFormat(bytes([0xff, 0xfe], [...Buffer.from("Date\tFrom\r\n", "utf16le")]), "x.txt").format).toBe("text");
    expect(detectFormat(new Uint8Array(Buffer.from("Date,From,To\r\n1,2,3\r\n", "utf16le")), "x.txt").format).toBe("text");
  });

  it("says when the name disagrees with the content", () => {
    expect(detectFormat(bytes("%PDF-1.4"), "calls.xlsx").mismatch).toBe("The file is named .xlsx but is a PDF; it was read as a PDF.");
    expect(detectFormat(bytes('{"a":1}\n{"a":2}\n'), "calls.json").mismatch).toBeNull();
  });

  it("refuses programs, images, archives, empty and binary files with a sentence", () => {
    const mz = bytes("MZ", [0x90, 0, 3, 0, 0, 0, 4, 0], new Array(100).fill(0));
    expect(refusal(mz)).toMatchObject({ code: "unsupported_format", message: "This is a Windows program, not a call-record file." });
    expect(refusal(bytes([0x7f], "ELF", [2, 1, 1, 0]))).toMatchObject({ code: "unsupported_format" });
    expect(refusal(bytes([0x89], "PNG\r\n", [0x1a, 0x0a, 0, 0, 0, 0x0d])).message).toMatch(/PNG image/);
    expect(refusal(bytes([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]))).toMatchObject({ code: "unsupported_format" });
    expect(refusal(bytes([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4])).message).toMatch(/7-Zip/);
    expect(refusal(new Uint8Array())).toMatchObject({ code: "empty_file" });
    expect(refusal(bytes(" \n\r\n"))).toMatchObject({ code: "empty_file" });
    expect(refusal(bytes([1, 2, 3, 0, 5, 6, 7, 8, 0xf0, 0x13, 0, 0]))).toMatchObject({ code: "binary_file" });
    expect(refusal(bytes("<!DOCTYPE html><html>"))).toMatchObject({ code: "unsupported_format" });
  });
});

describe("detectFileFormat (reads the zip and OLE2 directories)", () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "switchyard-detect-"));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("refuses an empty file", async () => {
    const f = path.join(tmp, "empty.csv");
    fs.writeFileSync(f, "");
    await expect(detectFileFormat(f, "empty.csv")).rejects.toMatchObject({ code: "empty_file" });
  });

  const xlrd = corpus("xlrd");
  const calamine = corpus("calamine");
  it.skipIf(!xlrd || !calamine)("tells xlsx, xls, xlsb, ods, plain zips and encrypted workbooks apart", async () => {
    const at = (dir: string, name: string) => detectFileFormat(path.join(dir, name), name);
    expect((await at(xlrd!, "sample.xlsx")).format).toBe("xlsx");
    expect((await at(xlrd!, "profiles.xls")).format).toBe("xls");
    await expect(at(xlrd!, "sample.zip")).rejects.toMatchObject({ code: "unsupported_archive" });
    await expect(at(xlrd!, "sample.xlsb")).rejects.toMatchObject({ code: "unsupported_format", message: expect.stringMatching(/xlsb/) });
    await expect(at(xlrd!, "sample.ods")).rejects.toMatchObject({ code: "unsupported_format", message: expect.stringMatching(/OpenDocument/) });
    await expect(at(calamine!, "pass_protected.xlsx")).rejects.toMatchObject({ code: "encrypted_file" });
  });
});
