/**
 * Magic numbers of files people upload by mistake (programs, images, archives). Each one
 * maps to the sentence the job shows, so a wrong upload fails with a reason, not a parse error.
 */

interface Signature {
  at: number;
  bytes: readonly number[];
  what: string;
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

const SIGNATURES: readonly Signature[] = [
  { at: 0, bytes: [0x7f, 0x45, 0x4c, 0x46], what: "This is a Linux program (ELF), not a call-record file." },
  { at: 0, bytes: [0xfe, 0xed, 0xfa, 0xce], what: "This is a macOS program, not a call-record file." },
  { at: 0, bytes: [0xfe, 0xed, 0xfa, 0xcf], what: "This is a macOS program, not a call-record file." },
  { at: 0, bytes: [0xce, 0xfa, 0xed, 0xfe], what: "This is a macOS program, not a call-record file." },
  { at: 0, bytes: [0xcf, 0xfa, 0xed, 0xfe], what: "This is a macOS program, not a call-record file." },
  { at: 0, bytes: [0xca, 0xfe, 0xba, 0xbe], what: "This is a compiled program (macOS or Java), not a call-record file." },
  { at: 0, bytes: [0x89, 0x50, 0x4e, 0x47], what: "This is a PNG image, not a call-record file; upload the carrier's file itself (or a PDF of it)." },
  { at: 0, bytes: [0xff, 0xd8, 0xff], what: "This is a JPEG image, not a call-record file; upload the carrier's file itself (or a PDF of it)." },
  { at: 0, bytes: ascii("GIF8"), what: "This is a GIF image, not a call-record file." },
  { at: 0, bytes: [0x49, 0x49, 0x2a, 0x00], what: "This is a TIFF image, not a call-record file; upload the carrier's file itself (or a PDF of it)." },
  { at: 0, bytes: [0x4d, 0x4d, 0x00, 0x2a], what: "This is a TIFF image, not a call-record file; upload the carrier's file itself (or a PDF of it)." },
  { at: 8, bytes: ascii("WEBP"), what: "This is a WebP image, not a call-record file." },
  { at: 4, bytes: ascii("ftypheic"), what: "This is a HEIC photo, not a call-record file." },
  { at: 4, bytes: ascii("ftyp"), what: "This is a video or audio file, not a call-record file." },
  { at: 0, bytes: [0x1f, 0x8b], what: "This is a gzip-compressed file; decompress it and upload the file inside." },
  { at: 0, bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: "This is a 7-Zip archive; extract it and upload the call-record files inside." },
  { at: 0, bytes: ascii("Rar!\x1a\x07"), what: "This is a RAR archive; extract it and upload the call-record files inside." },
  { at: 0, bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], what: "This is an xz-compressed file; decompress it and upload the file inside." },
  { at: 0, bytes: [0x28, 0xb5, 0x2f, 0xfd], what: "This is a zstd-compressed file; decompress it and upload the file inside." },
  { at: 0, bytes: ascii("BZh"), what: "This is a bzip2-compressed file; decompress it and upload the file inside." },
  { at: 0, bytes: ascii("OggS"), what: "This is an audio file, not a call-record file." },
  { at: 0, bytes: ascii("ID3"), what: "This is an MP3 audio file, not a call-record file." },
  { at: 0, bytes: ascii("SQLite format 3\0"), what: "This is an SQLite database, not a call-record file; export the table to CSV first." },
  { at: 0, bytes: [0x50, 0x41, 0x52, 0x31], what: "This is a Parquet file, which is not supported; export it to CSV first." },
];

function matchesAt(head: Uint8Array, sig: Signature): boolean {
  if (head.length < sig.at + sig.bytes.length) return false;
  return sig.bytes.every((b, i) => head[sig.at + i] === b);
}

/** True when the bytes hold a NUL or many control characters: not something a text reader should see. */
export function looksBinary(head: Uint8Array): boolean {
  const n = Math.min(head.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i]!;
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1a && b !== 0x1b)) control++;
  }
  return n > 0 && control / n > 0.02;
}

/**
 * The sentence for a known non-record binary (program, image, archive), or null. Signatures
 * that are also plausible text ("BZh", "ID3", "MZ") only count when the rest looks binary.
 */
export function knownBinaryKind(head: Uint8Array): string | null {
  const binary = looksBinary(head);
  if (head[0] === 0x4d && head[1] === 0x5a && binary) return "This is a Windows program, not a call-record file.";
  if (head[0] === 0x42 && head[1] === 0x4d && binary) return "This is a bitmap image, not a call-record file.";
  for (const sig of SIGNATURES) {
    if (!matchesAt(head, sig)) continue;
    const textual = sig.bytes.every((b) => b >= 0x20 && b < 0x7f);
    if (textual && !binary) continue;
    if (sig.at === 8 && !(head[0] === 0x52 && head[1] === 0x49)) continue; // WEBP lives in a RIFF container
    return sig.what;
  }
  return null;
}
