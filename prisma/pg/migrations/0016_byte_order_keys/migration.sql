-- Issue 20: the columns that hold phone numbers, times, content hashes, cell and device ids compare
-- byte by byte (COLLATE "C"), whatever the database's own collation.
--
-- Why: a database created with a linguistic collation (en_US.UTF-8, the default of most installs
-- and hosted services; ICU "en-US") compares every key of the records' and contacts' indexes
-- through the collation library instead of memcmp, and PostgreSQL 15 only shortens sort keys
-- (abbreviated keys) under "C". A 1M-record COPY into call_records with its indexes took 8.1 s
-- under ICU en-US and 5.4 s under "C"; the tower dump's 1M contacts 3.5 s and 2.3 s (psql, the
-- same rows; docs/architecture.md, "PostgreSQL keys in byte order"). On a "C" database nothing
-- changes but the declared collation; "C.UTF-8" goes through the C library as any other locale
-- does in PostgreSQL 15, and gains a little.
--
-- These values are machine strings (E.164 numbers, ISO-8601 UTC times, hex digests): byte order is
-- their order, and it is SQLite's (BINARY), so both engines sort contacts, timelines and cells
-- alike. A comparison with a column left at the database default takes "C" (the non-default
-- collation wins), so no query needs a COLLATE clause. Changing a column's collation rebuilds the
-- indexes that contain it (not the table): 2.5 s for 1M records and their 1M contacts on the
-- 2-core development machine, about as long as building those indexes.

ALTER TABLE "call_records"
    ALTER COLUMN "content_hash" TYPE TEXT COLLATE "C",
    ALTER COLUMN "start_time" TYPE TEXT COLLATE "C",
    ALTER COLUMN "end_time" TYPE TEXT COLLATE "C",
    ALTER COLUMN "caller" TYPE TEXT COLLATE "C",
    ALTER COLUMN "callee" TYPE TEXT COLLATE "C",
    ALTER COLUMN "target" TYPE TEXT COLLATE "C",
    ALTER COLUMN "dialed_digits" TYPE TEXT COLLATE "C",
    ALTER COLUMN "imei" TYPE TEXT COLLATE "C",
    ALTER COLUMN "imsi" TYPE TEXT COLLATE "C",
    ALTER COLUMN "cell_first" TYPE TEXT COLLATE "C",
    ALTER COLUMN "cell_last" TYPE TEXT COLLATE "C";

ALTER TABLE "contacts"
    ALTER COLUMN "target" TYPE TEXT COLLATE "C",
    ALTER COLUMN "number" TYPE TEXT COLLATE "C",
    ALTER COLUMN "first_seen" TYPE TEXT COLLATE "C",
    ALTER COLUMN "last_seen" TYPE TEXT COLLATE "C";

ALTER TABLE "contact_coverage" ALTER COLUMN "target" TYPE TEXT COLLATE "C";

ALTER TABLE "timeline_gaps"
    ALTER COLUMN "target" TYPE TEXT COLLATE "C",
    ALTER COLUMN "from_time" TYPE TEXT COLLATE "C",
    ALTER COLUMN "to_time" TYPE TEXT COLLATE "C";

ALTER TABLE "gap_thresholds" ALTER COLUMN "target" TYPE TEXT COLLATE "C";

ALTER TABLE "record_devices" ALTER COLUMN "value" TYPE TEXT COLLATE "C";

ALTER TABLE "cell_sites" ALTER COLUMN "cell" TYPE TEXT COLLATE "C";
