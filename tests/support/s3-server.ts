import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "../../lib/paths";

export interface S3Server {
  /** http://127.0.0.1:<port> */
  endpoint: string;
  bucket: string;
  /** The variables a Switchyard process needs to use this server (STORAGE_URL not included). */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * An S3-compatible server (s3rver, a devDependency) in its own process on a free port, with its own
 * temporary directory and one bucket: the code under test talks to it over HTTP exactly as it
 * would to MinIO. s3rver knows one access key, S3RVER (secret S3RVER); it refuses other key ids
 * but does not verify SigV4 signatures.
 */
export async function startS3Server(bucket: string): Promise<S3Server> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "switchyard-s3rver-"));
  const script = `
    const S3rver = require("s3rver");
    new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: ${JSON.stringify(dir)}, configureBuckets: [{ name: ${JSON.stringify(bucket)} }] })
      .run()
      .then((addr) => process.stdout.write(JSON.stringify({ port: addr.port }) + "\\n"), (err) => { console.error(err); process.exit(1); });
  `;
  const child: ChildProcess = spawn(process.execPath, ["-e", script], { cwd: PROJECT_ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const line = out.split("\n")[0];
      if (out.includes("\n") && line) resolve((JSON.parse(line) as { port: number }).port);
    });
    child.once("exit", (code) => reject(new Error(`s3rver exited (${code}) before listening: ${stderr}`)));
    setTimeout(() => reject(new Error(`s3rver did not start within 15 s: ${stderr}`)), 15_000).unref();
  });
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    env: { S3_ENDPOINT: endpoint, AWS_REGION: "us-east-1", AWS_ACCESS_KEY_ID: "S3RVER", AWS_SECRET_ACCESS_KEY: "S3RVER", S3_FORCE_PATH_STYLE: "1" },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
