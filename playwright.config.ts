import { defineConfig } from "@playwright/test";
import path from "node:path";

const PORT = 3199;
// A fresh data directory per run: the journey asserts "second upload inserts 0", which needs an empty database.
const dataDir = process.env.E2E_DATA_DIR ?? path.resolve("test-results", `e2e-data-${Date.now()}`);
process.env.E2E_DATA_DIR = dataDir; // config is re-evaluated in workers; keep one directory per run

export default defineConfig({
  testDir: "e2e",
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 60_000 },
  outputDir: "test-results/artifacts",
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  webServer: {
    command: "node dist/server.mjs",
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      // Always the embedded SQLite of this run, even where the shell exports a PostgreSQL URL.
      DATABASE_URL: `file:${path.join(dataDir, "switchyard.db")}`,
      LOG_LEVEL: "warn",
      // The first admin of this run's fresh database (e2e/support seeds the other roles through the API).
      SWITCHYARD_ADMIN_EMAIL: "admin@switchyard.test",
      // Not "admin-password-e2e": the password rules refuse a password containing the e-mail name ("admin").
      SWITCHYARD_ADMIN_PASSWORD: "yard-e2e-password-1",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      CHECKPOINT_DISABLE: "1",
    },
  },
});
