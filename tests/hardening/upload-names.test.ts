import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { receiveUploads, sanitizeLabel } from "../../lib/server/receive-uploads";
import { tempDataDir } from "../support/temp-db";

/**
 * Issue 18: non-ASCII file names were stored garbled ("TÃ©lÃ©phone…": busboy read the raw UTF-8
 * bytes browsers send as Latin-1), and a right-to-left override in a name was kept. The names go
 * through the real multipart parser here, as raw UTF-8 bytes (what Chromium and curl send) and as
 * RFC 5987 `filename*`.
 */
const tmp = tempDataDir("switchyard-names-");
afterAll(() => tmp.cleanup());
const BOUNDARY = "----switchyard-names";

function request(dispositions: string[]): Request {
  const parts = dispositions.map((d) =>
    Buffer.concat([
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; `),
      Buffer.from(d, "utf8"),
      Buffer.from("\r\nContent-Type: text/csv\r\n\r\na,b\r\n"),
    ]),
  );
  const body = Buffer.concat([...parts, Buffer.from(`--${BOUNDARY}--\r\n`)]);
  return new Request("http://localhost/api/ingestion/upload", { method: "POST", body, headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}` } });
}

describe("upload file names", () => {
  it("keeps UTF-8 names sent raw and as RFC 5987 filename*", async () => {
    const got = await receiveUploads(
      request([`filename="Téléphone relevé.csv"`, `filename*=UTF-8''%D0%B7%D0%B2%D0%BE%D0%BD%D0%BA%D0%B8.csv`, `filename="通话记录 2026.csv"`, `filename="سجل المكالمات.csv"`]),
      path.join(tmp.dir, "uploads"),
      10_000,
    );
    expect(got.map((f) => f.fileName)).toEqual(["Téléphone relevé.csv", "звонки.csv", "通话记录 2026.csv", "سجل المكالمات.csv"]);
  });

  it("strips bidirectional controls, so a name cannot display a different extension", async () => {
    const [file] = await receiveUploads(request([`filename="invoice\u202Evsc.exe"`]), path.join(tmp.dir, "uploads2"), 10_000);
    expect(file!.fileName).toBe("invoicevsc.exe");
    expect(sanitizeLabel("a\u2066b\u2069c\u200F.csv")).toBe("abc.csv");
  });

  it("normalizes to NFC and never cuts a character in half", () => {
    expect(sanitizeLabel("Te\u0301le\u0301phone.csv")).toBe("Téléphone.csv");
    const long = sanitizeLabel("😀".repeat(300));
    expect(Array.from(long)).toHaveLength(255);
    expect(long.endsWith("😀")).toBe(true);
    expect(sanitizeLabel("C:\\Users\\x\\\u0007calls.csv")).toBe("calls.csv");
  });
});
