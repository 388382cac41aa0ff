-- Socket.IO PostgreSQL adapter: payloads over NOTIFY's 8000-byte limit travel through this table.
-- Created here, not at start-up, because two nodes creating it at once race (STACK-NOTES).
-- Not a Prisma model: only the adapter reads and writes it.
CREATE TABLE IF NOT EXISTS "socket_io_attachments" (
    "id" BIGSERIAL UNIQUE,
    "created_at" TIMESTAMPTZ DEFAULT NOW(),
    "payload" BYTEA
);
