import { decodeUtf8Recovering, type DetectedEncoding } from "./encoding";

/** Bytes to text, chunk by chunk; `recoveredLines` counts UTF-8 lines that had to be read as Windows-1252. */
export interface ChunkDecoder {
  decode(bytes: Uint8Array): string;
  end(): string;
  recoveredLines: number;
}

/** A line longer than this (in bytes) without a line break is decoded in pieces instead of buffered. */
const MAX_CARRY = 4 * 1024 * 1024;

/**
 * UTF-16 and Windows-1252 go through a streaming TextDecoder. UTF-8 is cut at the last line break of each
 * chunk so that a line with Windows-1252 bytes can be decoded on its own (mixed files lose nothing).
 */
export function createChunkDecoder(enc: DetectedEncoding): ChunkDecoder {
  if (enc.encoding !== "utf-8") {
    const decoder = new TextDecoder(enc.encoding);
    return {
      decode: (bytes) => decoder.decode(bytes, { stream: true }),
      end: () => decoder.decode(),
      recoveredLines: 0,
    };
  }
  let carry: Uint8Array = new Uint8Array(0);
  const self: ChunkDecoder = {
    recoveredLines: 0,
    decode(bytes) {
      const data = carry.length === 0 ? bytes : Buffer.concat([carry, bytes]);
      let cut = Math.max(data.lastIndexOf(0x0a), data.lastIndexOf(0x0d));
      if (cut === -1) {
        if (data.length < MAX_CARRY) {
          carry = data;
          return "";
        }
        cut = safeUtf8Cut(data) - 1;
      }
      carry = data.slice(cut + 1);
      const out = decodeUtf8Recovering(data.subarray(0, cut + 1));
      self.recoveredLines += out.recoveredLines;
      return out.text;
    },
    end() {
      const out = decodeUtf8Recovering(carry);
      carry = new Uint8Array(0);
      self.recoveredLines += out.recoveredLines;
      return out.text;
    },
  };
  return self;
}

/** An index at which no UTF-8 sequence is split (backs off over continuation bytes). */
function safeUtf8Cut(data: Uint8Array): number {
  let i = data.length;
  while (i > 0 && i > data.length - 4 && (data[i - 1]! & 0xc0) === 0x80) i--;
  if (i > 0 && data[i - 1]! >= 0xc0) i--;
  return i;
}
