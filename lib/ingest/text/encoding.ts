/** Text encodings the text extractor reports. Latin-1 files are read as windows-1252 (a superset for printable text). */
export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export interface DetectedEncoding {
  encoding: TextEncodingName;
  /** True when the file starts with a byte-order mark (skipped when decoding). */
  bom: boolean;
  bomLength: number;
}

/**
 * Detects the encoding from the head bytes: BOM first, then the zero-byte pattern of BOM-less UTF-16,
 * then whether the bytes are valid UTF-8. A head with invalid UTF-8 and no valid multi-byte sequence is
 * windows-1252; a head with both is UTF-8 with stray 1252 lines (decoded line by line later).
 */
export function detectEncoding(head: Uint8Array): DetectedEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: "utf-8", bom: true, bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: "utf-16le", bom: true, bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: "utf-16be", bom: true, bomLength: 2 };
  const utf16 = guessBomlessUtf16(head);
  if (utf16) return { encoding: utf16, bom: false, bomLength: 0 };
  const scan = scanUtf8(head);
  const encoding = scan.invalid > 0 && scan.multiByte === 0 ? "windows-1252" : "utf-8";
  return { encoding, bom: false, bomLength: 0 };
}

/** Text in UTF-16 has a zero byte beside almost every ASCII character: on odd offsets for LE, even for BE. */
function guessBomlessUtf16(head: Uint8Array): TextEncodingName | null {
  const n = Math.min(head.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenZeros++;
    if (head[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return "utf-16le";
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return "utf-16be";
  return null;
}

interface Utf8Scan {
  multiByte: number;
  invalid: number;
}

/** Counts valid multi-byte sequences and invalid bytes; a sequence cut by the end of the head is not invalid. */
export function scanUtf8(bytes: Uint8Array): Utf8Scan {
  let multiByte = 0;
  let invalid = 0;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0) {
      invalid++;
      i++;
      continue;
    }
    if (i + len > n) break;
    let ok = true;
    for (let k = 1; k < len; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) ok = false;
    if (ok) {
      multiByte++;
      i += len;
    } else {
      invalid++;
      i++;
    }
  }
  return { multiByte, invalid };
}

/** Binary files (images, archives, executables) have NUL bytes or many control characters in their head. */
export function looksBinary(head: Uint8Array, encoding: TextEncodingName): boolean {
  if (encoding === "utf-16le" || encoding === "utf-16be") return false;
  const n = Math.min(head.length, 8192);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control / n > 0.05;
}

/** Decodes a whole buffer (the head, a test string) the way the streaming reader would. */
export function decodeBytes(bytes: Uint8Array, enc: DetectedEncoding): string {
  const body = bytes.subarray(enc.bomLength);
  if (enc.encoding !== "utf-8") return new TextDecoder(enc.encoding).decode(body);
  return decodeUtf8Recovering(body).text;
}

const fatalUtf8 = new TextDecoder("utf-8", { fatal: true });
const cp1252 = new TextDecoder("windows-1252");

/**
 * Decodes UTF-8 whose lines may be Windows-1252 (files concatenated from two systems). The common case is one
 * fast fatal decode; only when it fails is each line decoded on its own, falling back to 1252 so no text is lost.
 */
export function decodeUtf8Recovering(bytes: Uint8Array): { text: string; recoveredLines: number } {
  try {
    return { text: fatalUtf8.decode(bytes), recoveredLines: 0 };
  } catch {
    const parts: string[] = [];
    let recoveredLines = 0;
    let start = 0;
    while (start < bytes.length) {
      // Lines end at LF or CR (CR-only files), so a bad line never drags its neighbours into 1252.
      let end = start;
      while (end < bytes.length && bytes[end] !== 0x0a && bytes[end] !== 0x0d) end++;
      end = Math.min(end + 1, bytes.length);
      const line = bytes.subarray(start, end);
      try {
        parts.push(fatalUtf8.decode(line));
      } catch {
        parts.push(cp1252.decode(line));
        recoveredLines++;
      }
      start = end;
    }
    return { text: parts.join(""), recoveredLines };
  }
}
