import fs from "node:fs/promises";
import { createReadStream } from "node:fs";
import type { Readable } from "node:stream";
import zlib from "node:zlib";

/**
 * Just enough of the zip format to tell an xlsx from other zips and to stream any member by
 * random access, without a zip library: the central directory sits at the end of the file.
 */

export interface ZipEntry {
  /** Member path with backslashes (written by some Windows tools) turned into slashes. */
  name: string;
  method: number;
  compressedSize: number;
  /** What the central directory says the member inflates to: a claim, checked while inflating (xlsx-limits.ts). */
  uncompressedSize: number;
  localHeaderOffset: number;
  encrypted: boolean;
}

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const MAX_DIRECTORY_BYTES = 64 * 1024 * 1024;

async function readAt(fh: fs.FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, position);
  return buf.subarray(0, bytesRead);
}

/** Entries of the zip's central directory; null when the end-of-directory record is missing (truncated file). */
export async function listZipEntries(filePath: string): Promise<ZipEntry[] | null> {
  const fh = await fs.open(filePath, "r");
  try {
    const size = (await fh.stat()).size;
    const tailLength = Math.min(size, 22 + 65535);
    const tail = await readAt(fh, size - tailLength, tailLength);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD_SIG) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) return null;
    let dirSize = tail.readUInt32LE(eocd + 12);
    let dirOffset = tail.readUInt32LE(eocd + 16);
    if ((dirOffset === 0xffffffff || dirSize === 0xffffffff) && eocd >= 20 && tail.readUInt32LE(eocd - 20) === ZIP64_LOCATOR_SIG) {
      const zip64 = await readAt(fh, Number(tail.readBigUInt64LE(eocd - 12)), 56);
      dirSize = Number(zip64.readBigUInt64LE(40));
      dirOffset = Number(zip64.readBigUInt64LE(48));
    }
    if (dirSize > MAX_DIRECTORY_BYTES || dirOffset + dirSize > size) return null;
    return parseCentralDirectory(await readAt(fh, dirOffset, dirSize));
  } finally {
    await fh.close();
  }
}

function parseCentralDirectory(dir: Buffer): ZipEntry[] {
  const entries: ZipEntry[] = [];
  let p = 0;
  while (p + 46 <= dir.length && dir.readUInt32LE(p) === CENTRAL_SIG) {
    const nameLength = dir.readUInt16LE(p + 28);
    const extraLength = dir.readUInt16LE(p + 30);
    const commentLength = dir.readUInt16LE(p + 32);
    // A damaged directory can claim a name or extra field running past its end: stop there.
    if (p + 46 + nameLength + extraLength + commentLength > dir.length) break;
    const entry: ZipEntry = {
      name: dir.toString("utf8", p + 46, p + 46 + nameLength).replace(/\\/g, "/"),
      method: dir.readUInt16LE(p + 10),
      compressedSize: dir.readUInt32LE(p + 20),
      uncompressedSize: dir.readUInt32LE(p + 24),
      localHeaderOffset: dir.readUInt32LE(p + 42),
      encrypted: (dir.readUInt16LE(p + 8) & 1) === 1,
    };
    applyZip64Extra(entry, dir, p + 46 + nameLength, extraLength);
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Sizes and offsets past 4 GB live in the zip64 extra field (id 1), in a fixed order, only for the fields set to 0xFFFFFFFF. */
function applyZip64Extra(entry: ZipEntry, dir: Buffer, start: number, length: number): void {
  for (let q = start; q + 4 <= start + length;) {
    const id = dir.readUInt16LE(q);
    const size = dir.readUInt16LE(q + 2);
    if (id === 1) {
      let r = q + 4;
      const next = () => {
        const v = r + 8 <= Math.min(q + 4 + size, start + length) ? Number(dir.readBigUInt64LE(r)) : 0;
        r += 8;
        return v;
      };
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next();
      return;
    }
    q += 4 + size;
  }
}

/** Names of the members whose local headers fall inside `head` (when only the start of the file is at hand). */
export function zipNamesFromHead(head: Uint8Array): string[] {
  const buf = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  const names: string[] = [];
  for (let p = 0; p + 30 <= buf.length; p++) {
    if (buf.readUInt32LE(p) !== LOCAL_SIG) continue;
    const nameLength = buf.readUInt16LE(p + 26);
    if (p + 30 + nameLength > buf.length) break;
    names.push(buf.toString("utf8", p + 30, p + 30 + nameLength));
    p += 29 + nameLength;
  }
  return names;
}

export interface ZipMemberStream {
  stream: Readable;
  /** The raw file stream, for progress. */
  source: Readable & { bytesRead: number };
  /** Compressed bytes the inflater has taken in so far (the running-ratio zip-bomb check, xlsx-limits.ts). */
  consumed(): number;
}

/** The member's content as a stream (inflated), read straight from its byte range. */
export async function zipMemberStream(filePath: string, entry: ZipEntry): Promise<ZipMemberStream> {
  if (entry.encrypted) throw new Error(`member ${entry.name} is encrypted`);
  if (entry.method !== 0 && entry.method !== 8) throw new Error(`member ${entry.name} uses compression method ${entry.method}`);
  const fh = await fs.open(filePath, "r");
  let dataStart: number;
  try {
    const local = await readAt(fh, entry.localHeaderOffset, 30);
    if (local.length < 30 || local.readUInt32LE(0) !== LOCAL_SIG) throw new Error(`member ${entry.name} has no local header`);
    dataStart = entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  } finally {
    await fh.close();
  }
  const stored = entry.method === 0 || entry.compressedSize === 0;
  // Deflated members are read 64 KiB at a time: the inflater's intake is then known to within
  // 64 KiB, so a member inflating 1,000:1 is caught after ~32 MB of output, not ~256 MB.
  const source = createReadStream(filePath, { start: dataStart, end: dataStart + Math.max(0, entry.compressedSize - 1), highWaterMark: stored ? 256 * 1024 : 64 * 1024 });
  if (stored) return { stream: source, source, consumed: () => source.bytesRead };
  // 64 KiB output chunks instead of zlib's 16 KiB: a 200k-row sheet is ~108 MB of XML, and each
  // chunk pays a fixed toll downstream (size meter, async iteration, UTF-8 decoder, SAX write call).
  // Measured on that sheet: the xlsx extractor ~11 % faster (4.72 s → 4.21 s, mean of 5 runs).
  const inflate = zlib.createInflateRaw({ chunkSize: 64 * 1024 });
  source.on("error", (err) => inflate.destroy(err));
  return { stream: source.pipe(inflate), source, consumed: () => inflate.bytesWritten };
}
