import fs from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "./paths";

export interface WorkerScript {
  filename: string;
  /** Set when the script is TypeScript and this process has no tsx loader for the thread to inherit. */
  execArgv?: string[];
}

/** The esbuild bundle `dist/workers/NAME.mjs` (scripts/build.mjs), or null when not built or SWITCHYARD_WORKER_SOURCE=1. */
export function bundledWorkerScript(name: string): string | null {
  const bundled = path.join(PROJECT_ROOT, "dist/workers", `${name}.mjs`);
  return process.env.SWITCHYARD_WORKER_SOURCE !== "1" && fs.existsSync(bundled) ? bundled : null;
}

/**
 * A piscina worker's entry: the bundle in production, else the TypeScript source `workers/NAME.ts`
 * under tsx (dev, vitest). This works for piscina because its own JS entry imports the file after
 * `--import tsx` ran; a plain `new Worker("x.ts")` on Node 20 gets no tsx hooks (see threaded-producer.ts).
 */
export function resolveWorkerScript(name: string): WorkerScript {
  const bundled = bundledWorkerScript(name);
  if (bundled) return { filename: bundled };
  const filename = path.join(PROJECT_ROOT, "workers", `${name}.ts`);
  // A .ts worker needs tsx; under tsx it is inherited, elsewhere (vitest) it is added here.
  const hasTsx = process.execArgv.some((a) => a.includes("tsx"));
  return hasTsx ? { filename } : { filename, execArgv: [...process.execArgv, "--import", "tsx"] };
}
