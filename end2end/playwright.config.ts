import { defineConfig } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Browser tests for Florin, run twice: hydrated (`js`) and as plain HTML forms (`nojs`).
//
// The server starts on a fresh, empty data directory (SQLite by default). Set
// DATABASE_URL to run against PostgreSQL instead (use an empty database), FLORIN_BIN to
// test another binary, CHROMIUM_PATH for another Chromium.
//
// The config file is loaded by the runner and again by every worker; the data directory
// is made once and handed down through the environment.
const dataDir =
  process.env.FLORIN_E2E_DATA_DIR ??
  (process.env.FLORIN_E2E_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'florin-e2e-')));
const port = Number(process.env.FLORIN_E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

// Everything the tests depend on is set explicitly, so that a developer's .env (which
// the server reads, but which never overrides real environment variables) cannot change
// the database or the lockout policy under the tests.
const serverEnv: Record<string, string> = {
  FLORIN_ENV: 'development',
  FLORIN_ADDR: `127.0.0.1:${port}`,
  LEPTOS_SITE_ROOT: '../target/site',
  FLORIN_DATA_DIR: dataDir,
  DATABASE_URL: process.env.DATABASE_URL || `sqlite://${path.join(dataDir, 'florin.db')}?mode=rwc`,
  FLORIN_LOCKOUT_MAX_FAILURES: '5',
  FLORIN_LOCKOUT_MINUTES: '15',
  RUST_LOG: process.env.RUST_LOG || 'warn',
};

export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'js', use: { browserName: 'chromium', javaScriptEnabled: true } },
    { name: 'nojs', use: { browserName: 'chromium', javaScriptEnabled: false } },
  ],
  webServer: {
    command: process.env.FLORIN_BIN || '../target/debug/florin',
    cwd: __dirname,
    url: `${baseURL}/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe', // the server logs to stdout; RUST_LOG=warn keeps only warnings and errors
    stderr: 'pipe',
    env: serverEnv,
  },
});
