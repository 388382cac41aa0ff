import { describe, expect, it } from "vitest";
import { safeNext } from "./safe-next";

const ORIGIN = "https://switchyard.test:3000";

describe("safeNext: only same-origin paths after sign-in (issue 19)", () => {
  it.each([
    ["/%5Cevil.example/"],
    ["/\\evil.example"],
    ["/\\evil.example/"],
    ["\\\\evil.example"],
    ["/\t/evil.example/"],
    ["/%09/evil.example/"],
    ["/\n/evil.example"],
    ["//evil.example"],
    ["///evil.example"],
    ["https://evil.example"],
    ["https://evil.example/records"],
    ["http://switchyard.test:3000/records"],
    ["javascript:alert(1)"],
    ["JavaScript:alert(1)"],
    ["data:text/html,<script>alert(1)</script>"],
    ["/.//evil.example"],
    ["https:evil.example"],
    [""],
    [null],
  ])("%j goes to /", (next) => {
    const to = safeNext(next, ORIGIN);
    expect(new URL(to, ORIGIN).origin).toBe(ORIGIN);
    // What the browser does with the answer stays on the app too.
    expect(to.startsWith("/") && !to.startsWith("//") && !to.startsWith("/\\")).toBe(true);
  });

  it("sends the vectors of the issue to / itself", () => {
    for (const v of ["/%5Cevil.example/", "/%09/evil.example/", "//evil.example", "https://evil.example", "/\\evil.example", "javascript:alert(1)"]) {
      const to = safeNext(v, ORIGIN);
      expect(new URL(to, "https://other.test").host, v).toBe("other.test");
      expect(to === "/" || to.startsWith("/%5C") || to.startsWith("/%09"), `${v} → ${to}`).toBe(true);
    }
    expect(safeNext("//evil.example", ORIGIN)).toBe("/");
    expect(safeNext("https://evil.example", ORIGIN)).toBe("/");
    expect(safeNext("/\\evil.example", ORIGIN)).toBe("/");
    expect(safeNext("javascript:alert(1)", ORIGIN)).toBe("/");
  });

  it("refuses the vectors as the sign-in page reads them (?next= decoded once by URLSearchParams)", () => {
    for (const q of ["/%5Cevil.example/", "/%09/evil.example/", "//evil.example", "https://evil.example", "/%5C%5Cevil.example", "javascript:alert(1)", "%2F%2Fevil.example"]) {
      const next = new URLSearchParams(`next=${q}`).get("next");
      expect(safeNext(next, ORIGIN), `${q} (read as ${JSON.stringify(next)})`).toBe("/");
    }
    expect(safeNext(new URLSearchParams("next=%2Frecords%3FcaseId%3D3%23x").get("next"), ORIGIN)).toBe("/records?caseId=3#x");
  });

  it("keeps a legitimate path with its query and fragment", () => {
    expect(safeNext("/records?caseId=3#x", ORIGIN)).toBe("/records?caseId=3#x");
    expect(safeNext("/", ORIGIN)).toBe("/");
    expect(safeNext("/cases/3/review", ORIGIN)).toBe("/cases/3/review");
    expect(safeNext(`${ORIGIN}/records?caseId=3`, ORIGIN)).toBe("/records?caseId=3");
  });
});
