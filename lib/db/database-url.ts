import path from "node:path";

export type DatabaseTarget = { kind: "sqlite"; file: string } | { kind: "postgres"; url: string };

/** `file:/abs/path.db` (or a bare path) → SQLite; `postgres://…` → PostgreSQL. */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (/^postgres(ql)?:\/\//i.test(url)) return { kind: "postgres", url };
  const file = url.startsWith("file:") ? url.slice(5) : url;
  return { kind: "sqlite", file: path.resolve(file) };
}
