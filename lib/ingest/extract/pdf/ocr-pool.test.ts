import { describe, expect, it } from "vitest";
import { OcrPool } from "./ocr-pool";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("OcrPool", () => {
  it("runs one task per worker at a time, reuses its workers, and replaces one whose task failed", async () => {
    const pool = new OcrPool(2);
    let running = 0;
    let most = 0;
    const seen = new Set<unknown>();
    const task = async (worker: unknown) => {
      seen.add(worker);
      most = Math.max(most, ++running);
      await sleep(30);
      running--;
      return seen.size;
    };
    await Promise.all(Array.from({ length: 6 }, () => pool.run(task)));
    expect(most).toBe(2);
    expect(seen.size).toBe(2);

    // A later job gets the same workers (no start-up), until one fails.
    await pool.run(task);
    expect(seen.size).toBe(2);
    await expect(
      pool.run(() => {
        throw new Error("wasm abort");
      }),
    ).rejects.toThrow("wasm abort");
    await Promise.all([pool.run(task), pool.run(task)]);
    expect(seen.size).toBe(3);
    await pool.close();
  }, 60_000);
});
