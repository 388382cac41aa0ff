import { describe, expect, it } from "vitest";
import type { PreviewRow } from "@/lib/schemas/responses";
import { firstLineOfSameError, groupPreviewErrors, lineRanges } from "./preview-error-groups";

const bad = (line: number, message: string, field = "timezone"): PreviewRow => ({
  line,
  raw: `raw ${line}`,
  record: null,
  error: { code: "bad", field, message } as PreviewRow["error"],
});
const good = (line: number) => ({ line, raw: "", record: {} as never, error: null }) as PreviewRow;

describe("preview error groups", () => {
  it("groups rows by reason, biggest first, with their lines as ranges", () => {
    const rows = [bad(2, "unknown zone"), bad(3, "unknown zone"), good(4), bad(5, "unknown zone"), bad(6, "not a number", "caller"), bad(7, "unknown zone")];
    expect(groupPreviewErrors(rows)).toEqual([
      { text: "timezone: unknown zone", lines: [2, 3, 5, 7] },
      { text: "caller: not a number", lines: [6] },
    ]);
    expect(lineRanges([2, 3, 5, 7, 8, 9])).toBe("2–3, 5, 7–9");
    expect([...firstLineOfSameError(rows)]).toEqual([
      [3, 2],
      [5, 2],
      [7, 2],
    ]);
  });
});
