import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

/** Builds once (scripts/build.mjs) unless the production bundles are already there. */
export function ensureBuilt(): void {
  const marks = [".next/BUILD_ID", "dist/server.mjs", "dist/worker-main.mjs", "dist/workers/ingest-worker.mjs"].map((m) => path.join(root, m));
  if (marks.every((m) => fs.existsSync(m))) return;
  const r = spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (r.status !== 0) throw new Error("build failed");
}

export interface Node {
  name: string;
  proc: ChildProcess;
  output: () => string;
}

/** Starts `dist/server.mjs` or `dist/worker-main.mjs` and resolves once it prints its ready line. */
export async function startNode(name: string, entry: "dist/server.mjs" | "dist/worker-main.mjs", env: Record<string, string>, ready: RegExp, timeoutMs = 90_000): Promise<Node> {
  const proc = spawn(process.execPath, [entry], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  proc.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  proc.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const until = Date.now() + timeoutMs;
  while (!ready.test(out)) {
    if (proc.exitCode !== null) throw new Error(`${name} exited (${proc.exitCode}):\n${out}`);
    if (Date.now() > until) {
      proc.kill("SIGKILL");
      throw new Error(`${name} did not start in time:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { name, proc, output: () => out };
}

export async function stopNode(n: Node): Promise<void> {
  if (n.proc.exitCode !== null || n.proc.signalCode !== null) return;
  n.proc.kill("SIGTERM");
  const until = Date.now() + 10_000;
  while (n.proc.exitCode === null && n.proc.signalCode === null && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  if (n.proc.exitCode === null && n.proc.signalCode === null) n.proc.kill("SIGKILL");
}

export async function waitFor<T>(what: string, fn: () => Promise<T | null | undefined | false>, ms: number): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
