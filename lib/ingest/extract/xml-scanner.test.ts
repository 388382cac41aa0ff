import { describe, expect, it } from "vitest";
import { XmlError, XmlScanner } from "./xml-scanner";

/** Every event as a string, so a whole document compares in one assertion. */
function events(chunks: string[], attrs: string[] = ["r", "t", "s"]): string[] {
  const out: string[] = [];
  const xml = new XmlScanner({
    open: (name, tag) => out.push(`<${name}${attrs.map((a) => (tag.attr(a) === undefined ? "" : ` ${a}=${tag.attr(a)}`)).join("")}>`),
    close: (name) => out.push(`</${name}>`),
    text: (text) => out.push(`'${text}'`),
  });
  for (const c of chunks) xml.write(c);
  xml.end();
  // Adjacent text pieces (a chunk boundary inside a text run) read as one.
  return out.reduce<string[]>((acc, e) => {
    const last = acc.at(-1);
    if (last?.startsWith("'") && e.startsWith("'")) acc[acc.length - 1] = `${last.slice(0, -1)}${e.slice(1)}`;
    else acc.push(e);
    return acc;
  }, []);
}

const DOC = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><!-- a comment with <tags> -->
<sheetData><row r="1"><c r="A1" t="s" s="3"><v>0</v></c><c r='B1' t="inlineStr"><is><t>a &amp; b &lt;c&gt; &#233;&#x1F600; "q"</t></is></c></row>
<row r="2"><c r="A2" t="str"><v><![CDATA[x < y & z]]></v></c><c r="B2" s="1"/><c r="C2" t="s" note="a > b"><v>12</v></c></row></sheetData></worksheet>`;

const EXPECTED = [
  "<worksheet>",
  "'\n'",
  "<sheetData>",
  "<row r=1>",
  "<c r=A1 t=s s=3>",
  "<v>",
  "'0'",
  "</v>",
  "</c>",
  "<c r=B1 t=inlineStr>",
  "<is>",
  "<t>",
  "'a & b <c> é😀 \"q\"'",
  "</t>",
  "</is>",
  "</c>",
  "</row>",
  "'\n'",
  "<row r=2>",
  "<c r=A2 t=str>",
  "<v>",
  "'x < y & z'",
  "</v>",
  "</c>",
  "<c r=B2 s=1>",
  "</c>",
  "<c r=C2 t=s>",
  "<v>",
  "'12'",
  "</v>",
  "</c>",
  "</row>",
  "</sheetData>",
  "</worksheet>",
].reduce<string[]>((acc, e) => {
  const last = acc.at(-1);
  if (last?.startsWith("'") && e.startsWith("'")) acc[acc.length - 1] = `${last.slice(0, -1)}${e.slice(1)}`;
  else acc.push(e);
  return acc;
}, []);

describe("XmlScanner", () => {
  it("reads tags, attributes, entities, CDATA and comments", () => {
    expect(events([DOC])).toEqual(EXPECTED);
  });

  it("gives the same events whatever the chunk boundaries", () => {
    for (let cut = 1; cut < DOC.length; cut++) expect(events([DOC.slice(0, cut), DOC.slice(cut)]), `cut at ${cut}`).toEqual(EXPECTED);
    expect(events([...DOC])).toEqual(EXPECTED);
  });

  it("refuses malformed or unsafe XML with an XmlError", () => {
    const bad = [
      `<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>`,
      `<x>a &nbsp; b</x>`,
      `<x>a & b</x>`,
      `<x a=1></x>`,
      `<x><y></y>`,
      `</x>`,
      `<x>&#0;</x>`,
      `text<x/>`,
    ];
    for (const doc of bad) expect(() => events([doc]), doc).toThrow(XmlError);
  });
});
