import type { CanonicalRecord, RowError } from "../../schemas/record";

export interface HashedRecord {
  record: CanonicalRecord;
  hash: string;
  line: number;
}

export interface JobSummaryFacts {
  gaps: number;
  linkedNearDuplicates: number;
}

/**
 * Where a running job puts its rows. One implementation per database (better-sqlite3 prepared
 * statements; COPY on PostgreSQL). The pipeline knows nothing else about storage.
 */
export interface RecordSink {
  /** Inserts the batch in one transaction; rows whose content hash already exists are skipped. Returns how many were new. */
  insertRecords(rows: HashedRecord[]): Promise<number>;
  insertErrors(errors: RowError[]): Promise<void>;
  /** Before the first batch: removes what an earlier attempt of this job loaded (a retry starts clean) and notes the carrier stored with each record. */
  begin(carrier: string | null): Promise<void>;
  /** After the last batch: near-duplicate links, contacts, timeline gaps. */
  finish(): Promise<JobSummaryFacts>;
  close(): Promise<void>;
}
