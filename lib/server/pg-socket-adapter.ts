import { createAdapter } from "@socket.io/postgres-adapter";
import type { Server } from "socket.io";
import type pg from "pg";
import { openPgPool, pgTarget } from "../db/pg-connection";
import { log } from "../log";

/**
 * Joins a Socket.IO server (a web node's, or a worker's headless one) to every other node through
 * PostgreSQL NOTIFY, so a browser connected to web A receives the progress of a job worker B runs.
 * The channel carries the schema name: isolated deployments (and test runs) on one database do
 * not hear each other. The attachments table comes from migration 0002.
 */
export function attachPgAdapter(io: Server, databaseUrl: string): pg.Pool {
  const pool = openPgPool(databaseUrl, { max: 3 });
  pool.on("error", (err) => log.warn({ err }, "socket.io adapter pool error"));
  io.adapter(
    createAdapter(pool, {
      channelPrefix: `switchyard.${pgTarget(databaseUrl).schema}`,
      errorHandler: (err) => log.warn({ err }, "socket.io postgres adapter error"),
    }),
  );
  return pool;
}
