import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { corpus } from "../../../tests/support/corpora";
import type { Dialect } from "./dialect";
import { parseDelimitedText } from "./parse-delimited-text";

/** Third-party parser suites, read in place. Each suite reports its pass count and must pass every case it runs. */

/** Upstream JSON that disagrees with its own CSV: location_coordinates.json has another phone number. */
const UPSTREAM_ERRATA: Record<string, string[]> = { location_coordinates: ["Contact Phone Number"] };

const spectrum = corpus("csv-spectrum");
describe.skipIf(!spectrum)("csv-spectrum", () => {
  const names = spectrum ? fs.readdirSync(path.join(spectrum, "csvs")).map((f) => f.replace(/\.csv$/, "")) : [];
  it.each(names)("%s", (name) => {
    const text = fs.readFileSync(path.join(spectrum!, "csvs", `${name}.csv`), "utf8");
    const parsed = JSON.parse(fs.readFileSync(path.join(spectrum!, "json", `${name}.json`), "utf8")) as unknown;
    // One case stores its single row as an object rather than an array of one.
    const expected = Array.isArray(parsed) ? parsed : [parsed];
    const [header, ...rows] = parseDelimitedText(text, { delimiter: "," });
    const errata = UPSTREAM_ERRATA[name] ?? [];
    const keep = (h: string) => !errata.includes(h);
    const objects = rows.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i] ?? ""]).filter(([h]) => keep(h!))));
    const wanted = expected.map((o) => Object.fromEntries(Object.entries(o as object).filter(([h]) => keep(h))));
    expect(objects).toEqual(wanted);
  });
});

const rfc = corpus("vanillaes-csv-rfc4180");
describe.skipIf(!rfc)("vanillaes csv RFC 4180 cases", () => {
  // Typed-value cases (bools, floats, revivers…) test value conversion, which is not the reader's job.
  const names = rfc ? fs.readdirSync(rfc).filter((f) => /^(rfc|eof)/.test(f)) : [];
  it.each(names)("%s", (name) => {
    const c = JSON.parse(fs.readFileSync(path.join(rfc!, name), "utf8")) as { csv: string[]; json: string[][] };
    expect(parseDelimitedText(c.csv.join("\n"), { delimiter: "," })).toEqual(c.json);
  });
});

interface PapaCase {
  description: string;
  input: string;
  config?: Record<string, unknown>;
  expected: { data: unknown[]; errors: unknown[] };
}

const papa = corpus("papaparse");
describe.skipIf(!papa)("papaparse core parser vectors", () => {
  const cases = papa ? loadPapaCases(papa) : [];
  it.each(cases.map((c) => [c.description, c] as const))("%s", (_name, c) => {
    const config = c.config ?? {};
    // No config: papaparse guesses the delimiter, and so does this reader (its sniffer is under test then).
    const dialect: Partial<Dialect> = { delimiter: config.delimiter as string | undefined };
    if (typeof config.quoteChar === "string") dialect.quote = config.quoteChar as Dialect["quote"];
    if (config.escapeChar === "\\") dialect.escape = "backslash";
    if (typeof config.newline === "string") dialect.lineEnding = config.newline as Dialect["lineEnding"];
    expect(parseDelimitedText(c.input, dialect)).toEqual(expectedRows(c));
  });
  it("runs most of the suite", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });
});

/**
 * Where this reader chooses differently from papaparse on purpose: carriers' exports often write `a, "b"`,
 * so a quote after leading spaces still opens a quoted cell (papaparse keeps ` "B" ` literally).
 */
const DELIBERATE_DIFFERENCES = new Set(["Quoted field with whitespace around quotes"]);

/**
 * Cases that configure only the dialect (no header/typing/comment/preview options), whose input is well formed
 * (papaparse's recovery from malformed quotes is its own choice, not a contract), and with a given delimiter or
 * no config at all.
 */
function loadPapaCases(dir: string): PapaCase[] {
  const all = [
    ...(JSON.parse(fs.readFileSync(path.join(dir, "core_parser_tests.json"), "utf8")) as PapaCase[]),
    ...(JSON.parse(fs.readFileSync(path.join(dir, "parse_tests.json"), "utf8")) as PapaCase[]),
  ];
  const dialectKeys = new Set(["delimiter", "newline", "quoteChar", "escapeChar"]);
  return all.filter((c) => {
    if (DELIBERATE_DIFFERENCES.has(c.description)) return false;
    const keys = Object.keys(c.config ?? {});
    if (!keys.every((k) => dialectKeys.has(k))) return false;
    if (Object.values(c.config ?? {}).some((v) => typeof v !== "string" || ((v as string).length !== 1 && v !== "\r\n"))) return false;
    if (c.expected.errors.length > 0) return false;
    return Array.isArray(c.expected.data) && c.expected.data.every((r) => Array.isArray(r));
  });
}

/** Papaparse returns a final `[""]` row for a trailing line break; RFC 4180 readers (and this one) do not. */
function expectedRows(c: PapaCase): unknown[] {
  const data = c.expected.data.slice();
  const last = data[data.length - 1];
  if (/(\r\n|\n|\r)$/.test(c.input) && Array.isArray(last) && last.length === 1 && last[0] === "") data.pop();
  return data;
}
