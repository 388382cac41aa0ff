import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * The master key for stored uploads: SWITCHYARD_ENCRYPTION_KEY (base64 of 32 bytes) when set —
 * the choice for clusters and for keeping the key off the data disk — otherwise
 * DATA_DIR/keys/upload.key, generated on first use (directory 0700, file 0600). Every process
 * that shares DATA_DIR (web nodes, workers) finds the same key. Losing the key loses the
 * stored uploads (not the loaded records).
 */
const cache = new Map<string, Buffer>();

export function keyFilePath(dataDir: string): string {
  return path.join(dataDir, "keys", "upload.key");
}

export function loadUploadKey(dataDir: string, env: Record<string, string | undefined> = process.env): Buffer {
  const fromEnv = env.SWITCHYARD_ENCRYPTION_KEY?.trim();
  if (fromEnv) {
    const key = Buffer.from(fromEnv, "base64");
    if (key.length !== 32) throw new Error("SWITCHYARD_ENCRYPTION_KEY must be the base64 encoding of exactly 32 bytes (e.g. `openssl rand -base64 32`).");
    return key;
  }
  const file = keyFilePath(dataDir);
  const cached = cache.get(file);
  if (cached) return cached;
  const key = readOrCreate(file);
  cache.set(file, key);
  return key;
}

function readOrCreate(file: string): Buffer {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.chmodSync(path.dirname(file), 0o700);
  try {
    // "wx": two processes starting at once cannot both create it; the loser reads the winner's key.
    fs.writeFileSync(file, `${crypto.randomBytes(32).toString("base64")}\n`, { flag: "wx", mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  const key = Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64");
  if (key.length !== 32) throw new Error(`${file} does not hold a base64 32-byte key; restore it from a backup (without it the stored uploads cannot be read).`);
  return key;
}
