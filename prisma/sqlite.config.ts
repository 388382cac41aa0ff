import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// Prisma CLI config for the embedded SQLite database (engine "js": no binary download).
// A postgres:// URL is never taken here (the other provider's URL breaks the CLI: scripts/prisma.mjs).
const fromEnv = process.env.PRISMA_SQLITE_URL;
const url = fromEnv && !/^postgres(ql)?:\/\//i.test(fromEnv) ? fromEnv : `file:${path.resolve("data/switchyard.db")}`;
process.env.PRISMA_SQLITE_URL = url;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(import.meta.dirname, "sqlite"),
  migrations: { path: path.join(import.meta.dirname, "sqlite/migrations") },
  adapter: async () => new PrismaBetterSQLite3({ url }),
});
