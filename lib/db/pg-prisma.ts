import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PgPrismaClient } from "../../generated/prisma-pg/client";
import { pgTarget } from "./pg-connection";
import { prepareDatabase } from "./prepare-database";

/** Connections per process for Prisma (the bulk loader and pg-boss have their own pools). */
const PRISMA_POOL_SIZE = 10;

/**
 * The PostgreSQL Prisma client. getDb() is synchronous but migrations are not, so the adapter
 * factory applies them before it opens the first connection: no query can reach a schema that
 * is not migrated yet.
 */
export function createPgPrismaClient(databaseUrl: string): PgPrismaClient {
  const target = pgTarget(databaseUrl, { max: PRISMA_POOL_SIZE });
  const factory = new PrismaPg(target.pool, { schema: target.schema });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    await prepareDatabase(databaseUrl);
    return connect();
  };
  return new PgPrismaClient({ adapter: factory });
}
