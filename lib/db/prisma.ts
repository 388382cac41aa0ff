import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../../generated/prisma-sqlite/client";
import { loadConfig } from "../config";
import { parseDatabaseUrl } from "./database-url";
import { prepareDatabase } from "./prepare-database";
import { createPgPrismaClient } from "./pg-prisma";

export type Db = PrismaClient;

const registry = globalThis as unknown as { __switchyardPrisma?: Map<string, PrismaClient>; __switchyardEngines?: WeakMap<PrismaClient, DbEngine> };

export type DbEngine = "sqlite" | "postgres";

/** Which engine a client from getDb talks to: for the few queries whose SQL must differ. */
export function dbEngine(db: PrismaClient): DbEngine {
  return registry.__switchyardEngines?.get(db) ?? "sqlite";
}

function remember(client: PrismaClient, engine: DbEngine): PrismaClient {
  (registry.__switchyardEngines ??= new WeakMap()).set(client, engine);
  return client;
}

/**
 * The one Prisma client factory. One client per database URL per process, shared through
 * globalThis because Next's route bundles and server.ts each load their own copy of this module.
 * The database is created and migrated on first use.
 *
 * Known adapter limits (STACK-NOTES): @prisma/adapter-better-sqlite3 6.19 runs interactive
 * transactions on the shared connection with a deferred BEGIN, so this codebase does not use
 * Prisma interactive transactions on SQLite; multi-statement atomic work goes through
 * better-sqlite3 directly (see sqlite-record-sink.ts).
 */
export function getDb(databaseUrl = loadConfig().databaseUrl): PrismaClient {
  registry.__switchyardPrisma ??= new Map();
  const existing = registry.__switchyardPrisma.get(databaseUrl);
  if (existing) return existing;
  const target = parseDatabaseUrl(databaseUrl);
  if (target.kind === "postgres") {
    // Scale-out: the pg client (generated/prisma-pg) differs from the SQLite one only in
    // transaction-isolation types, so one cast keeps a single Db type (STACK-NOTES).
    const pgClient = remember(createPgPrismaClient(databaseUrl) as unknown as PrismaClient, "postgres");
    registry.__switchyardPrisma.set(databaseUrl, pgClient);
    return pgClient;
  }
  prepareDatabase(databaseUrl);
  const adapter = new PrismaBetterSQLite3({ url: `file:${target.file}`, timeout: 30_000 });
  const client = remember(new PrismaClient({ adapter }), "sqlite");
  registry.__switchyardPrisma.set(databaseUrl, client);
  return client;
}
