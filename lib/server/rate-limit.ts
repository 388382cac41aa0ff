/**
 * In-memory token buckets, one per key (a user id). A bucket holds up to `perMinute` tokens and
 * refills continuously at `perMinute` a minute, so a burst of a full minute's allowance is fine
 * and a steady stream above it is not. State is per process: with several web nodes each node
 * enforces its own allowance (enough against one runaway client or script; not a quota).
 */
export type TakeResult = { ok: true } | { ok: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

const PRUNE_ABOVE = 10_000;

export class TokenBucketLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  private bucket(key: string): Bucket {
    const t = this.now();
    let b = this.buckets.get(key);
    if (!b) {
      if (this.buckets.size >= PRUNE_ABOVE) this.prune(t);
      b = { tokens: this.perMinute, at: t };
      this.buckets.set(key, b);
    }
    b.tokens = Math.min(this.perMinute, b.tokens + ((t - b.at) * this.perMinute) / 60_000);
    b.at = t;
    return b;
  }

  /** Takes one token for `key`; when none is left, says how long until one is. A limit of 0 disables limiting. */
  take(key: string): TakeResult {
    if (this.perMinute <= 0) return { ok: true };
    const b = this.bucket(key);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(((1 - b.tokens) * 60) / this.perMinute)) };
  }

  /** Gives back tokens for work that did not happen (files of a request that failed). */
  refund(key: string, n: number): void {
    if (this.perMinute <= 0 || n <= 0) return;
    const b = this.bucket(key);
    b.tokens = Math.min(this.perMinute, b.tokens + n);
  }

  /** Drops buckets that have refilled completely: they hold nothing a new bucket would not. */
  private prune(t: number): void {
    for (const [k, b] of this.buckets) if (b.tokens + ((t - b.at) * this.perMinute) / 60_000 >= this.perMinute) this.buckets.delete(k);
  }
}

const registry = globalThis as unknown as { __switchyardUploadLimiter?: TokenBucketLimiter };

/** The process-wide upload limiter (on globalThis: Next may load the route module more than once). */
export function uploadRateLimiter(perMinute: number): TokenBucketLimiter {
  const current = registry.__switchyardUploadLimiter;
  if (current && current.perMinute === perMinute) return current;
  return (registry.__switchyardUploadLimiter = new TokenBucketLimiter(perMinute));
}

const previewRegistry = globalThis as unknown as { __switchyardPreviewLimiter?: TokenBucketLimiter };

/** The process-wide mapping-preview limiter, per user (PREVIEW_RATE_PER_MINUTE). */
export function previewRateLimiter(perMinute: number): TokenBucketLimiter {
  const current = previewRegistry.__switchyardPreviewLimiter;
  if (current && current.perMinute === perMinute) return current;
  return (previewRegistry.__switchyardPreviewLimiter = new TokenBucketLimiter(perMinute));
}
