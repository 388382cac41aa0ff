import type Database from "better-sqlite3";
import { isoInstantMs } from "../ingest/iso-instant";
import { NearDuplicateWindow } from "../ingest/near-duplicates";
import { TimelineGapAccumulator } from "../ingest/timeline-gaps";
import { ContactTallies } from "./contact-tallies";
import { MAX_TALLIES } from "./typed-columns";

export type { ContactTally } from "./contact-tallies";

/** One target's share of the job (key "" = records without a target, as in contacts and gaps). */
export interface TargetScan {
  /** Every record of the job with this target, linked or not: compared with the table's count. */
  records: number;
  /** What contacts would hold for this target if the job's records were the only ones. */
  contacts: ContactTallies;
  gaps: TimelineGapAccumulator;
}

export interface JobScan {
  /** Near-duplicates within the job: duplicate id → primary id. */
  links: Map<number, number>;
  targets: Map<string, TargetScan>;
  first: string | null;
  last: string | null;
  /**
   * Parties of unlinked records that no target's contacts name (the callee of a record without a
   * target, or of one where neither party is the target): with the targets and their contacts,
   * every number cross-job linking may seek under. Null past MAX_OTHER_PARTIES.
   */
  otherParties: Set<string> | null;
  /**
   * False once the targets' tallies passed MAX_TALLIES and were dropped: every target's contacts
   * are then recounted in SQL, and cross-job linking seeks every number (as with otherParties null).
   */
  contactsComplete: boolean;
}

/** Beyond this many, otherParties is given up (null) rather than grow with the file. */
const MAX_OTHER_PARTIES = 10_000;

type ScanRow = [
  id: number,
  caller: string | null,
  callee: string | null,
  type: string,
  start: string,
  duration: number | null,
  target: string | null,
  duplicateOf: number | null,
  callerId: string | null,
  calleeId: string | null,
  callerKind: string | null,
  calleeKind: string | null,
];

/**
 * A party as contacts name it: its E.164 form, else its raw value (an extension, 911, "Restricted"),
 * with its kind. The SQL recounts (refreshContactsSqlite, recountContactsPg) use the same rule.
 */
export interface PartyIds {
  callerId: string | null;
  calleeId: string | null;
  callerKind: string | null;
  calleeKind: string | null;
}

/**
 * One ordered pass over a job's records (index on job_id, start_time) that feeds every post-load
 * computation at once: the near-duplicate window, each target's timeline-gap accumulator and its
 * contact tallies. Raw rows (arrays) avoid an object per record.
 */
export function scanJob(db: Database.Database, jobId: string): JobScan {
  const rows = db
    .prepare(
      `SELECT id, caller, callee, record_type, start_time, duration_seconds, target, duplicate_of,
              COALESCE(caller, caller_raw), COALESCE(callee, callee_raw), caller_kind, callee_kind
       FROM call_records WHERE job_id = ? ORDER BY start_time, id`,
    )
    .raw()
    .iterate(jobId) as Iterable<ScanRow>;
  const scanner = new JobScanner();
  for (const [id, caller, callee, type, start, duration, target, duplicateOf, callerId, calleeId, callerKind, calleeKind] of rows) {
    scanner.add(id, caller, callee, type, start, duration, target, duplicateOf !== null, { callerId, calleeId, callerKind, calleeKind });
  }
  return scanner.result();
}

/**
 * The scan's accumulators, fed records in (start_time, id) order: by scanJob from the table, or by
 * the SQLite sink while it inserts a time-ordered file (which then needs no scan at all). Memory
 * stays bounded by the number of targets × counterparties plus the few records of a 2-second window.
 */
export class JobScanner {
  /** MAX_TALLIES; tests lower it to reach the recount with a small file. */
  static maxTallies = MAX_TALLIES;
  private readonly window = new NearDuplicateWindow();
  private readonly links = new Map<number, number>();
  private readonly targets = new Map<string, TargetScan>();
  private first: string | null = null;
  private last: string | null = null;
  private current: TargetScan | undefined;
  private currentKey: string | null = null;
  private otherParties: Set<string> | null = new Set();
  private tallies = 0;
  private contactsComplete = true;

  /** The last start time added: a caller feeding rows checks its order against it. */
  get lastStart(): string | null {
    return this.last;
  }

  /** `caller`/`callee` are the E.164 forms (near-duplicates match on them); `ids` name the parties for contacts. */
  add(
    id: number,
    caller: string | null,
    callee: string | null,
    type: string,
    start: string,
    duration: number | null,
    target: string | null,
    alreadyLinked: boolean,
    ids: PartyIds,
  ): void {
    const ms = isoInstantMs(start);
    this.first ??= start;
    this.last = start;
    let linked = alreadyLinked;
    if (caller !== null && callee !== null) {
      const primary = this.window.primaryOf(id, caller, callee, type, ms, duration ?? 0);
      if (primary !== null) {
        this.links.set(id, primary);
        linked = true;
      }
    }
    const key = target ?? "";
    if (key !== this.currentKey) {
      this.currentKey = key;
      this.current = this.targets.get(key);
      if (!this.current) this.targets.set(key, (this.current = { records: 0, contacts: new ContactTallies(), gaps: new TimelineGapAccumulator() }));
    }
    const t = this.current!;
    t.records++;
    if (linked) return;
    t.gaps.add(start, ms);
    // Same rule as refreshContactsSqlite: the other party of the target, or the caller when there is no target.
    const calleeSide = target !== null && caller === target;
    const num = calleeSide ? ids.calleeId : ids.callerId;
    if (callee !== null && callee !== target && num !== callee) this.noteOtherParty(callee);
    if (num === null || num === target) return;
    if (!this.contactsComplete) return;
    const before = t.contacts.size;
    t.contacts.note(num, calleeSide ? ids.calleeKind : ids.callerKind, start, ms, type === "voice" ? 1 : 0, type === "sms" || type === "mms" ? 1 : 0);
    if (t.contacts.size > before && ++this.tallies > JobScanner.maxTallies) {
      this.contactsComplete = false;
      for (const ts of this.targets.values()) ts.contacts = new ContactTallies();
    }
  }

  private noteOtherParty(n: string): void {
    const set = this.otherParties;
    if (!set || set.has(n)) return;
    set.add(n);
    if (set.size > MAX_OTHER_PARTIES) this.otherParties = null;
  }

  result(): JobScan {
    return { links: this.links, targets: this.targets, first: this.first, last: this.last, otherParties: this.otherParties, contactsComplete: this.contactsComplete };
  }
}
