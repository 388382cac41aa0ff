import type pg from "pg";
import { isoInstantMs } from "../ingest/iso-instant";
import { NearDuplicateWindow } from "../ingest/near-duplicates";
import { TimelineGapAccumulator } from "../ingest/timeline-gaps";
import { ContactTallies } from "./contact-tallies";
import { PG_MAX_TALLIES } from "./typed-columns";

/** One target's share of the job (key "" = records without a target, as in contacts and gaps). */
export interface PgTargetScan {
  /** Every record of the job with this target, linked or not (compared with the table's counts). */
  records: number;
  /** The highest record id among them (the contact coverage moves up to it). */
  maxId: number;
  /** The job's time span of this target (all its records, linked or not): its quality score counts the gaps inside. */
  first: string;
  last: string;
  /** The target's contacts as recountContactsPg would count them from the job's records alone. */
  contacts: ContactTallies;
  gaps: TimelineGapAccumulator;
}

export interface PgLoadScan {
  /** False once the tallies passed PG_MAX_TALLIES and were dropped (then contacts are recounted in SQL). */
  contactsComplete: boolean;
  /** Near-duplicates within the job: duplicate id → primary id. */
  links: Map<number, number>;
  targets: Map<string, PgTargetScan>;
  first: string | null;
  last: string | null;
}

/**
 * The post-load's accumulators for one PostgreSQL job, fed its stored records in (start_time, id)
 * order: by the sink from the rows each INSERT … RETURNING id reports (a time-ordered file, no
 * read-back at all), or by scanJobPg from the table. Memory is bounded by targets × counterparties
 * (at most PG_MAX_TALLIES) plus a 2-second window and the targets' candidate silences, not by the rows.
 *
 * Contacts follow recountContactsPg's rule (both parties, each unless it is the target; a party is
 * its E.164 form, else its raw value), so a merge equals a recount; near-duplicates and gaps follow
 * the SQLite scan (NearDuplicateWindow, TimelineGapAccumulator): linked records count for nothing.
 */
export class PgLoadScanner {
  /** PG_MAX_TALLIES; tests lower it to reach the recount with a small file. */
  static maxTallies = PG_MAX_TALLIES;
  private readonly window = new NearDuplicateWindow();
  private readonly links = new Map<number, number>();
  private readonly targets = new Map<string, PgTargetScan>();
  private first: string | null = null;
  private last: string | null = null;
  private current: PgTargetScan | undefined;
  private currentKey: string | null = null;
  private tallies = 0;
  private contactsComplete = true;

  /** The last start time added: a caller feeding rows checks its order against it. */
  get lastStart(): string | null {
    return this.last;
  }

  add(r: ScanRecord): void {
    const { id, start } = r;
    const ms = isoInstantMs(start);
    this.first ??= start;
    this.last = start;
    let linked = r.linked;
    if (!linked && r.caller !== null && r.callee !== null) {
      const primary = this.window.primaryOf(id, r.caller, r.callee, r.type, ms, r.duration ?? 0);
      if (primary !== null) {
        this.links.set(id, primary);
        linked = true;
      }
    }
    const key = r.target ?? "";
    if (key !== this.currentKey) {
      this.currentKey = key;
      this.current = this.targets.get(key);
      if (!this.current) {
        this.current = { records: 0, maxId: 0, first: start, last: start, contacts: new ContactTallies(), gaps: new TimelineGapAccumulator() };
        this.targets.set(key, this.current);
      }
    }
    const t = this.current!;
    t.records++;
    if (id > t.maxId) t.maxId = id;
    t.last = start;
    if (linked) return;
    t.gaps.add(start, ms);
    const voice = r.type === "voice" ? 1 : 0;
    const message = r.type === "sms" || r.type === "mms" ? 1 : 0;
    if (!this.contactsComplete) return;
    const before = t.contacts.size;
    if (r.callerId !== null && r.callerId !== key) t.contacts.note(r.callerId, r.callerKind, start, ms, voice, message);
    if (r.calleeId !== null && r.calleeId !== key) t.contacts.note(r.calleeId, r.calleeKind, start, ms, voice, message);
    this.tallies += t.contacts.size - before;
    if (this.tallies > PgLoadScanner.maxTallies) {
      this.contactsComplete = false;
      for (const ts of this.targets.values()) ts.contacts = new ContactTallies();
    }
  }

  result(): PgLoadScan {
    return { contactsComplete: this.contactsComplete, links: this.links, targets: this.targets, first: this.first, last: this.last };
  }
}

/** What the scanner needs of one stored record. */
export interface ScanRecord {
  id: number;
  /** E.164 forms (near-duplicates match on them). */
  caller: string | null;
  callee: string | null;
  type: string;
  start: string;
  duration: number | null;
  target: string | null;
  /** Already points at a primary (only when read back from the table). */
  linked: boolean;
  /** The parties as contacts name them (E.164, else raw) and their kinds. */
  callerId: string | null;
  calleeId: string | null;
  callerKind: string | null;
  calleeKind: string | null;
}

/** Rows fetched per round trip of the read-back cursor. */
const FETCH_ROWS = 20_000;

/**
 * The read-back when the sink could not feed the scanner (a file not in time order): one ordered
 * pass over the job's records through the (job_id, start_time) index, streamed from a server-side
 * cursor in its own transaction (memory as above).
 */
export async function scanJobPg(client: pg.PoolClient, jobId: string): Promise<PgLoadScan> {
  const scanner = new PgLoadScanner();
  await client.query("BEGIN");
  try {
    await client.query(
      `DECLARE sy_job_scan NO SCROLL CURSOR FOR
         SELECT id, caller, callee, record_type, start_time, duration_seconds, target, duplicate_of IS NOT NULL,
                COALESCE(caller, caller_raw), COALESCE(callee, callee_raw), caller_kind, callee_kind
           FROM call_records WHERE job_id = $1 ORDER BY start_time, id`,
      [jobId],
    );
    for (;;) {
      const { rows } = await client.query<ScanRow>({ text: `FETCH ${FETCH_ROWS} FROM sy_job_scan`, rowMode: "array" });
      for (const [id, caller, callee, type, start, duration, target, linked, callerId, calleeId, callerKind, calleeKind] of rows) {
        scanner.add({ id: Number(id), caller, callee, type, start, duration, target, linked, callerId, calleeId, callerKind, calleeKind });
      }
      if (rows.length < FETCH_ROWS) break;
    }
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  }
  return scanner.result();
}

type ScanRow = [
  id: number | string,
  caller: string | null,
  callee: string | null,
  type: string,
  start: string,
  duration: number | null,
  target: string | null,
  linked: boolean,
  callerId: string | null,
  calleeId: string | null,
  callerKind: string | null,
  calleeKind: string | null,
];
