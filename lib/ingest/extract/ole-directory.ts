import fs from "node:fs";

/**
 * What kind of OLE2 compound file (the container of .xls, .doc, .msg, and of password-protected
 * xlsx) this is, from its directory entry names. Rather than walking the FAT chain, every
 * 128-byte-aligned slot is checked for a well-formed directory entry: entries always sit
 * on such slots, and a slot only counts when its name length and type fields agree.
 */

export type OleKind = "xls" | "encrypted" | "word" | "outlook" | "powerpoint" | "unknown";

export const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

const MAX_SCAN_BYTES = 256 * 1024 * 1024;

export function isOle(head: Uint8Array): boolean {
  return OLE_MAGIC.every((b, i) => head[i] === b);
}

function entryNameAt(buf: Buffer, p: number): string | null {
  const nameBytes = buf.readUInt16LE(p + 0x40);
  const type = buf[p + 0x42];
  if (nameBytes < 2 || nameBytes > 64 || nameBytes % 2 !== 0) return null;
  if (type !== 1 && type !== 2 && type !== 5) return null;
  if (buf.readUInt16LE(p + nameBytes - 2) !== 0) return null;
  return buf.toString("utf16le", p, p + nameBytes - 2);
}

/** Names of the directory entries found in `buf`, whose first byte is at file offset `base` (a multiple of 128). */
export function oleNamesIn(buf: Buffer, base: number): string[] {
  const names: string[] = [];
  for (let p = 512 - base > 0 ? 512 - base : 0; p + 128 <= buf.length; p += 128) {
    const name = entryNameAt(buf, p);
    if (name !== null) names.push(name);
  }
  return names;
}

export function oleKindFromNames(names: string[]): OleKind | null {
  const set = new Set(names.map((n) => n.toLowerCase()));
  if (set.has("encryptedpackage") || set.has("encryptioninfo")) return "encrypted";
  if (set.has("workbook") || set.has("book")) return "xls";
  if (set.has("worddocument")) return "word";
  if (names.some((n) => n.startsWith("__substg1.0_") || n.startsWith("__properties_version1.0"))) return "outlook";
  if (set.has("powerpoint document")) return "powerpoint";
  return null;
}

/** The kind of a compound file on disk (scans up to 256 MB of it). */
export function oleKindOfFile(filePath: string): OleKind {
  const fd = fs.openSync(filePath, "r");
  try {
    const chunk = Buffer.alloc(1024 * 1024);
    const names: string[] = [];
    for (let pos = 0; pos < MAX_SCAN_BYTES; pos += chunk.length) {
      const n = fs.readSync(fd, chunk, 0, chunk.length, pos);
      if (n <= 0) break;
      names.push(...oleNamesIn(chunk.subarray(0, n), pos));
      const kind = oleKindFromNames(names);
      if (kind !== null) return kind;
      if (n < chunk.length) break;
    }
    return oleKindFromNames(names) ?? "unknown";
  } finally {
    fs.closeSync(fd);
  }
}
