import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ProducerThread } from "../../lib/ingest/pipeline/producer-thread";
import { planRowsInThread } from "../../lib/ingest/pipeline/threaded-producer";
import { PROJECT_ROOT } from "../../lib/paths";
import { bundledWorkerScript } from "../../lib/worker-script";
import { tempDataDir } from "../support/temp-db";

/** The spare row producer: started between jobs, taken by the next job's first producer, never holding a process open. */
const tmp = tempDataDir("switchyard-spare-");
afterAll(() => tmp.cleanup());

function script(): string {
  const s = bundledWorkerScript("row-producer");
  expect(s, "dist/workers/row-producer.mjs is built by `npm run build` (npm test builds first)").not.toBeNull();
  return s!;
}

describe("spare row producer", () => {
  it("is the next job's first producer, and a new one is started when the job closes", async () => {
    const file = path.join(tmp.dir, "small.csv");
    fs.writeFileSync(file, "Date,Time,Number,Duration\n2024-01-02,10:00:00,7133537623,60\n");
    ProducerThread.warm(script());
    const spare = ProducerThread.spareThreadId();
    expect(spare).not.toBeNull();
    const planned = await planRowsInThread({ filePath: file, fileName: "small.csv", templates: [] }, script());
    expect(planned.plan.columns.length).toBe(4);
    expect(ProducerThread.spareThreadId()).toBeNull(); // taken: no thread of this job stays spare
    await planned.close();
    const next = ProducerThread.spareThreadId();
    expect(next).not.toBeNull();
    expect(next).not.toBe(spare);
  });

  it("a spare that died is replaced, not handed out", async () => {
    const dying = path.join(tmp.dir, "dying.mjs");
    fs.writeFileSync(dying, "process.exit(3);\n");
    ProducerThread.warm(dying);
    const dead = ProducerThread.spareThreadId();
    await new Promise((r) => setTimeout(r, 500));
    const taken = ProducerThread.take(dying, { filePath: "x", fileName: "x.csv", templates: [] });
    expect(taken.threadId).not.toBe(dead);
    await taken.terminate();
  });

  it("does not keep a process alive (the CLI exits with a spare started)", () => {
    const main = path.join(tmp.dir, "warm-and-exit.mts");
    fs.writeFileSync(
      main,
      [
        `import { ProducerThread } from ${JSON.stringify(path.join(PROJECT_ROOT, "lib/ingest/pipeline/producer-thread.ts"))};`,
        `ProducerThread.warm(${JSON.stringify(script())});`,
        // Proof that the spare is up (not crashed) while this process ends: it answers the start.
        `const t = ProducerThread.take(${JSON.stringify(script())}, { filePath: "/nonexistent.csv", fileName: "x.csv", templates: [] });`,
        `const e = await t.plan();`,
        `console.log("answered", e.type);`,
        `ProducerThread.warm(${JSON.stringify(script())});`,
        `await new Promise((r) => setTimeout(r, 300));`,
        `console.log("spare", ProducerThread.spareThreadId() !== null);`,
      ].join("\n"),
    );
    const started = Date.now();
    const r = spawnSync(process.execPath, ["--import", "tsx", main], { cwd: PROJECT_ROOT, timeout: 20_000, encoding: "utf8" });
    expect(r.stdout).toBe("answered failed\nspare true\n");
    expect(r.signal).toBeNull(); // not killed by the timeout
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 30_000);
});
