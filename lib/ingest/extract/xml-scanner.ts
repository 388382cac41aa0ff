/**
 * A small streaming XML tokenizer for the regular, machine-written XML inside an xlsx (sheets):
 * tags with attributes, text, CDATA, character and the five predefined entities; comments and
 * processing instructions are skipped; DOCTYPE (never in OOXML, an XXE vector) is refused. It
 * checks nesting depth and entities but not that close tags match (the sheet reader does not
 * need it). It replaced saxes for every xlsx part: a full validating parser spent ~60 % of the
 * XLSX extractor's time, and a 200k-row sheet has ~5 million tags.
 */

export interface XmlTag {
  /** An attribute's value (entities decoded), or undefined. Valid only during the `open` callback. */
  attr(name: string): string | undefined;
  /** Every attribute, as an object (allocates: for small parts, not per cell). */
  attrs(): Record<string, string>;
}

export interface XmlHandler {
  open(name: string, tag: XmlTag): void;
  close(name: string): void;
  text(text: string): void;
  /**
   * Optional: read the whole element at `lt` (tags and content) in one step and return the index
   * after it, or -1 to have the scanner tokenize it as usual. Offered every '<' inside the root
   * element; the handler must leave the nesting as it found it.
   */
  element?(s: string, lt: number): number;
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
/** A text run this long with no tag in sight is passed on in pieces (the reader caps cell size). */
const MAX_CARRY = 1 << 22;

export class XmlError extends Error {}

export function decodeXmlText(s: string): string {
  if (s.indexOf("&") === -1) return s;
  if (s.replace(ENTITY, "").indexOf("&") !== -1) throw new XmlError("malformed XML: an undefined entity or a bare '&'");
  return s.replace(ENTITY, (_, e: string) => (e[0] === "#" ? codePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : NAMED[e]!));
}

function codePoint(n: number): string {
  if (!(n > 0 && n <= 0x10ffff)) throw new XmlError("malformed XML: a character reference out of range");
  return String.fromCodePoint(n);
}

export class XmlScanner implements XmlTag {
  private carry = "";
  private depth = 0;
  private text = "";
  /** Attribute spans of the current tag: [nameStart, nameEnd, valueStart, valueEnd]… into `text`. */
  private spans = new Int32Array(64);
  private attrCount = 0;

  constructor(private readonly handler: XmlHandler) {}

  attr(name: string): string | undefined {
    const s = this.text;
    for (let k = 0; k < this.attrCount * 4; k += 4) {
      const ns = this.spans[k]!;
      if (this.spans[k + 1]! - ns === name.length && s.startsWith(name, ns)) return decodeXmlText(s.slice(this.spans[k + 2]!, this.spans[k + 3]!));
    }
    return undefined;
  }

  attrs(): Record<string, string> {
    const out: Record<string, string> = {};
    const s = this.text;
    for (let k = 0; k < this.attrCount * 4; k += 4) out[s.slice(this.spans[k]!, this.spans[k + 1]!)] = decodeXmlText(s.slice(this.spans[k + 2]!, this.spans[k + 3]!));
    return out;
  }

  write(chunk: string): void {
    if (this.carry.length === 0) return this.scan(chunk, 0);
    const start = this.completeCarry(chunk);
    if (start >= 0) return this.scan(chunk, start);
    const s = this.carry + chunk;
    this.carry = "";
    this.scan(s, 0);
  }

  /**
   * Finishes the piece carried over from the last chunk (a tag or a text run cut by the chunk
   * boundary) with just as much of `chunk` as completes it, and returns where the rest of `chunk`
   * starts; -1 when it is something else (a comment, CDATA, a declaration, a tag or text longer than
   * the chunk), for the caller to join the two. Joining always would flatten every 64 KB chunk into
   * a copy: in a 200k-row sheet, ~100 MB of strings allocated for nothing.
   */
  private completeCarry(chunk: string): number {
    const carry = this.carry;
    if (carry.charCodeAt(0) !== 60 /* < */) {
      const lt = chunk.indexOf("<");
      if (lt === -1) return -1;
      this.carry = "";
      this.emitText(carry + chunk.slice(0, lt));
      return lt;
    }
    const c = carry.charCodeAt(1);
    if (Number.isNaN(c) || c === 33 /* ! */ || c === 63 /* ? */) return -1;
    const gt = chunk.indexOf(">");
    if (gt === -1) return -1;
    const head = carry + chunk.slice(0, gt + 1);
    // That '>' may sit inside a quoted attribute value: then the tag goes on.
    if (tagEnd(head, 1) !== head.length - 1) return -1;
    this.carry = "";
    this.text = head;
    this.tag(head, 0);
    return gt + 1;
  }

  private scan(s: string, start: number): void {
    this.text = s;
    const n = s.length;
    let i = start;
    while (i < n) {
      const lt = s.indexOf("<", i);
      if (lt === -1) break;
      if (lt > i) this.emitText(s.slice(i, lt));
      if (this.depth > 0 && this.handler.element) {
        const end = this.handler.element(s, lt);
        if (end !== -1) {
          i = end;
          continue;
        }
      }
      const next = this.tag(s, lt);
      if (next === -1) {
        i = lt;
        break;
      }
      i = next;
    }
    // No '<' after i: the rest is text whose end (and entities) may come with the next chunk.
    if (i < n && s.indexOf("<", i) === -1 && n - i > MAX_CARRY) {
      const amp = s.lastIndexOf("&");
      const cut = amp >= i ? amp : n;
      this.emitText(s.slice(i, cut));
      i = cut;
    }
    this.carry = i < n ? s.slice(i) : "";
  }

  end(): void {
    if (this.carry.trim() !== "" || this.depth !== 0) throw new XmlError("malformed XML: the document ends inside an element");
  }

  private emitText(raw: string): void {
    if (this.depth > 0) this.handler.text(decodeXmlText(raw));
    else if (raw.trim() !== "") throw new XmlError("malformed XML: text outside the root element");
  }

  /** Handles the markup at `lt`; returns the index after it, or -1 when it is not complete yet. */
  private tag(s: string, lt: number): number {
    const c = s.charCodeAt(lt + 1);
    if (Number.isNaN(c)) return -1;
    if (c === 33 /* ! */) {
      if (s.startsWith("<!--", lt)) return after(s, "-->", lt + 4);
      if (s.startsWith("<![CDATA[", lt)) {
        const e = s.indexOf("]]>", lt + 9);
        if (e === -1) return -1;
        if (this.depth > 0) this.handler.text(s.slice(lt + 9, e));
        return e + 3;
      }
      if (s.length - lt < 9) return -1;
      throw new XmlError("malformed XML: DOCTYPE and other declarations are not allowed");
    }
    if (c === 63 /* ? */) return after(s, "?>", lt + 2);
    const gt = tagEnd(s, lt + 1);
    if (gt === -1) return -1;
    if (c === 47 /* / */) {
      this.depth--;
      if (this.depth < 0) throw new XmlError("malformed XML: a close tag without an open one");
      this.handler.close(s.slice(lt + 2, gt).trim());
      return gt + 1;
    }
    const selfClosing = s.charCodeAt(gt - 1) === 47;
    const bodyEnd = selfClosing ? gt - 1 : gt;
    let j = lt + 1;
    while (j < bodyEnd && !isSpace(s.charCodeAt(j))) j++;
    const name = s.slice(lt + 1, j);
    if (name === "") throw new XmlError("malformed XML: a tag without a name");
    this.readAttributes(s, j, bodyEnd);
    this.depth++;
    this.handler.open(name, this);
    if (selfClosing) {
      this.depth--;
      this.handler.close(name);
    }
    return gt + 1;
  }

  private readAttributes(s: string, from: number, end: number): void {
    this.attrCount = 0;
    let j = from;
    for (;;) {
      while (j < end && isSpace(s.charCodeAt(j))) j++;
      if (j >= end) return;
      const ns = j;
      while (j < end && s.charCodeAt(j) !== 61 /* = */ && !isSpace(s.charCodeAt(j))) j++;
      const ne = j;
      while (j < end && isSpace(s.charCodeAt(j))) j++;
      if (s.charCodeAt(j) !== 61) throw new XmlError("malformed XML: an attribute without a value");
      j++;
      while (j < end && isSpace(s.charCodeAt(j))) j++;
      const q = s.charCodeAt(j);
      if (q !== 34 && q !== 39) throw new XmlError("malformed XML: an unquoted attribute value");
      const ve = s.indexOf(q === 34 ? '"' : "'", j + 1);
      if (ve === -1 || ve > end) throw new XmlError("malformed XML: an unterminated attribute value");
      if (this.attrCount * 4 + 4 > this.spans.length) {
        const grown = new Int32Array(this.spans.length * 2);
        grown.set(this.spans);
        this.spans = grown;
      }
      const k = this.attrCount++ * 4;
      this.spans[k] = ns;
      this.spans[k + 1] = ne;
      this.spans[k + 2] = j + 1;
      this.spans[k + 3] = ve;
      j = ve + 1;
    }
  }
}

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

function after(s: string, marker: string, from: number): number {
  const e = s.indexOf(marker, from);
  return e === -1 ? -1 : e + marker.length;
}

/** The '>' that ends the tag starting before `from`, skipping quoted attribute values; -1 if not in `s` yet. */
function tagEnd(s: string, from: number): number {
  const n = s.length;
  for (let j = from; j < n; j++) {
    const c = s.charCodeAt(j);
    if (c === 62 /* > */) return j;
    if (c === 34 || c === 39) {
      const close = s.indexOf(c === 34 ? '"' : "'", j + 1);
      if (close === -1) return -1;
      j = close;
    }
  }
  return -1;
}
