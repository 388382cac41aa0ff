import { statUpload } from "../storage/upload-store";
import type { MappingPreview, PreviewInput, PreviewSample } from "../ingest/pipeline/preview-mapping";
import { headerLineOf } from "../schemas/mapping";

/**
 * The mapping preview's sample cache, in the web process's memory (never on disk): one entry per
 * job upload and header-row choice, holding the parsed sample the worker read (~200 rows), so a
 * reviewer's previews after the first decrypt and parse nothing. Concurrent previews of one key
 * share the first one's read (in flight), so N at once decrypt once. Bounded by an estimate of
 * its size (64 MB by default, least recently used first out) and by age (10 minutes: a deleted
 * upload's rows do not linger). Per process: each web node keeps its own.
 */
export class PreviewSampleCache {
  private readonly entries = new Map<string, { value: PreviewSample; bytes: number; at: number }>();
  private readonly inflight = new Map<string, Promise<PreviewSample>>();
  private used = 0;

  constructor(
    readonly maxBytes = 64 * 1024 * 1024,
    private readonly maxAgeMs = 10 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.used;
  }

  get(key: string): PreviewSample | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (this.now() - e.at > this.maxAgeMs) {
      this.delete(key);
      return undefined;
    }
    // Most recently used last: Map keeps insertion order.
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.value;
  }

  set(key: string, value: PreviewSample): void {
    this.delete(key);
    const bytes = estimateBytes(value);
    if (bytes > this.maxBytes) return;
    this.entries.set(key, { value, bytes, at: this.now() });
    this.used += bytes;
    for (const [k] of this.entries) {
      if (this.used <= this.maxBytes) break;
      this.delete(k);
    }
  }

  private delete(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    this.used -= e.bytes;
  }

  /**
   * A preview through the cache: a cached sample goes to `run` (the worker) so the file is not
   * read; a key already being read waits for that read; otherwise this call reads it and the
   * sample it returns is kept. The sample itself never reaches the caller's answer.
   */
  async preview(key: string | null, input: PreviewInput, run: (input: PreviewInput) => Promise<MappingPreview>): Promise<MappingPreview> {
    if (key === null) return strip(await run(input));
    const hit = this.get(key);
    if (hit) return strip(await run({ ...input, sample: hit }));
    const pending = this.inflight.get(key);
    if (pending) return strip(await run({ ...input, sample: await pending }));
    const first = run(input);
    const sample = first.then((r) => {
      if (!r.source) throw new Error("the preview worker returned no sample");
      this.set(key, r.source);
      return r.source;
    });
    this.inflight.set(key, sample);
    sample.then(
      () => this.inflight.delete(key),
      () => this.inflight.delete(key),
    );
    return strip(await first);
  }
}

function strip(p: MappingPreview): MappingPreview {
  const { source: _source, ...rest } = p;
  return rest;
}

/** UTF-16 strings: two bytes a character, plus the JSON punctuation; close enough for a bound. */
function estimateBytes(v: PreviewSample): number {
  return JSON.stringify(v).length * 2;
}

/**
 * The cache key of a job's upload, header-row and sheet choice; the file's size and mtime are part of it,
 * so a replaced or removed upload never answers from the cache. Null when the file cannot be
 * stat'ed (the uncached preview then fails with its own reason).
 */
export async function previewCacheKey(jobId: string, storedPath: string, input: Pick<PreviewInput, "override">): Promise<string | null> {
  let st: { size: number; mtimeMs: number };
  try {
    st = await statUpload(storedPath);
  } catch {
    return null;
  }
  const headerLine = headerLineOf(input.override);
  // The sheet read is part of the sample: a reviewer's sheet choice is its own entry (structure
  // edits are not: they apply to the cached raw sample on every preview).
  const sheet = input.override?.sheet;
  return JSON.stringify([jobId, storedPath, st.size, st.mtimeMs, headerLine === undefined ? "detect" : headerLine, sheet === undefined ? "detect" : `sheet:${sheet}`]);
}

const holder = globalThis as unknown as { __switchyardPreviewCache?: PreviewSampleCache };

/** The process-wide cache (on globalThis: Next may load the route module more than once). */
export function previewSampleCache(): PreviewSampleCache {
  return (holder.__switchyardPreviewCache ??= new PreviewSampleCache());
}
