import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import { pgTarget } from "../lib/db/pg-connection";

// Prisma CLI config for PostgreSQL (engine "js": no binary download). The CLI needs a URL even
// for `generate`; nothing connects then, so a placeholder is enough. Only a postgres:// URL is
// taken from the environment: a SQLite DATABASE_URL (file:…) here made Prisma try to download a
// query engine (scripts/prisma.mjs).
const isPg = (u: string | undefined): u is string => /^postgres(ql)?:\/\//i.test(u ?? "");
const fromEnv = [process.env.PRISMA_PG_URL, process.env.DATABASE_URL].find(isPg);
const url = fromEnv ?? "postgres://postgres@127.0.0.1:5432/postgres";
process.env.PRISMA_PG_URL = url;
const target = pgTarget(url, { idleTimeoutMillis: 200 }); // idle timeout: the CLI exits instead of hanging ~10 s

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(import.meta.dirname, "pg"),
  migrations: { path: path.join(import.meta.dirname, "pg/migrations") },
  adapter: async () => new PrismaPg(target.pool, { schema: target.schema }),
});
