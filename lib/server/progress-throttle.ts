/**
 * At most one event per `intervalMs` per key, never dropping the latest: an event that comes too
 * soon is held (replacing any older held one) and sent when the interval has passed. So the final
 * progress of a job ("finalize", "done") always arrives, just up to one interval late, and no burst
 * at the end of a short job can exceed the rate. `after` runs something (the job:updated event)
 * once everything held for the key has been sent, so it never overtakes the last progress event.
 */
export class ProgressThrottle<E> {
  private readonly state = new Map<string, { last: number; held: E | null; timer: NodeJS.Timeout | null; after: (() => void)[] }>();

  constructor(
    private readonly send: (event: E) => void,
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  push(key: string, event: E): void {
    let s = this.state.get(key);
    if (!s) this.state.set(key, (s = { last: -Infinity, held: null, timer: null, after: [] }));
    const wait = s.last + this.intervalMs - this.now();
    if (wait <= 0 && !s.timer) {
      s.last = this.now();
      this.send(event);
      return;
    }
    s.held = event;
    if (!s.timer) s.timer = setTimeout(() => this.release(key), Math.max(0, wait));
  }

  /** Runs `fn` after the key's held event (if any) is sent; `forget` drops the key's state afterwards (a finished job). */
  after(key: string, fn: () => void, forget: boolean): void {
    const s = this.state.get(key);
    if (!s?.timer) {
      fn();
      if (forget) this.state.delete(key);
      return;
    }
    s.after.push(fn);
    if (forget) s.after.push(() => this.state.get(key)?.timer === null && this.state.delete(key));
  }

  private release(key: string): void {
    const s = this.state.get(key);
    if (!s) return;
    s.timer = null;
    if (s.held !== null) {
      const event = s.held;
      s.held = null;
      s.last = this.now();
      this.send(event);
    }
    const after = s.after.splice(0);
    for (const fn of after) fn();
  }
}
