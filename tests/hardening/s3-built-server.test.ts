import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../lib/paths";
import { writeDemoCase } from "../support/analytics-demo-case";
import { startS3Server, type S3Server } from "../support/s3-server";
import { E2E_ADMIN, signInCookie, uploadViaApi, waitForJob } from "../support/factories";

/**
 * The production build with STORAGE_URL set (issue 20): dist/server.mjs and Next's route bundles
 * load @aws-sdk/client-s3 lazily, which only a built server proves. An upload through the HTTP API
 * lands in the bucket (nothing in DATA_DIR/uploads), the job loads it, and deleting the job removes
 * the object. Skips when the build is absent (`npm run build`).
 */
const built = fs.existsSync(path.join(PROJECT_ROOT, "dist/server.mjs")) && fs.existsSync(path.join(PROJECT_ROOT, ".next/BUILD_ID"));

describe.skipIf(!built)("the built server with STORAGE_URL", () => {
  let s3: S3Server;
  let server: ChildProcess;
  let base = "";
  let dataDir = "";
  let output = "";

  beforeAll(async () => {
    s3 = await startS3Server("built-uploads");
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sy-s3-built-"));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, [path.join(PROJECT_ROOT, "dist/server.mjs")], {
      cwd: PROJECT_ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        ...s3.env,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
        STORAGE_URL: `s3://${s3.bucket}/switchyard`,
        PORT: String(port),
        HOST: "127.0.0.1",
        DATA_DIR: dataDir,
        DATABASE_URL: `file:${path.join(dataDir, "switchyard.db")}`,
        LOG_LEVEL: "warn",
        SWITCHYARD_ADMIN_EMAIL: E2E_ADMIN.email,
        SWITCHYARD_ADMIN_PASSWORD: E2E_ADMIN.password,
      },
    });
    server.stdout!.on("data", (d: Buffer) => (output += d.toString()));
    server.stderr!.on("data", (d: Buffer) => (output += d.toString()));
    const deadline = Date.now() + 60_000;
    for (;;) {
      const ok = await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`the server did not become healthy: ${output}`);
      await new Promise((r) => setTimeout(r, 300));
    }
  }, 90_000);

  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server.once("exit", r));
      server.kill("SIGTERM");
      await exited;
    }
    await s3?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("stores an upload in the bucket, loads it, and removes the object with the job", async () => {
    const cookie = await signInCookie(base, E2E_ADMIN.email, E2E_ADMIN.password);
    // An AT&T-layout file of the demo case: it loads without review.
    const file = writeDemoCase(path.join(dataDir, "demo")).files[0]!;
    const jobId = await uploadViaApi(base, cookie, file.name, fs.readFileSync(file.path));
    expect(await waitForJob(base, cookie, jobId), output).toBe("completed");
    const uploads = path.join(dataDir, "uploads");
    expect(fs.existsSync(uploads) ? fs.readdirSync(uploads) : []).toEqual([]);
    const client = new S3Client({ endpoint: s3.endpoint, region: "us-east-1", forcePathStyle: true, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } });
    const objects = async () => ((await client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: "switchyard/" }))).Contents ?? []).map((o) => o.Key);
    expect(await objects()).toHaveLength(1);
    const del = await fetch(`${base}/api/ingestion/jobs/${jobId}`, { method: "DELETE", headers: { cookie, origin: base } });
    expect(del.status, await del.text()).toBeLessThan(300);
    expect(await objects()).toEqual([]);
  }, 120_000);
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}
