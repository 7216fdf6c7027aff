import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3199);
export const baseURL = `http://127.0.0.1:${port}`;

// A fresh SQLite file per run: the server migrates it and loads the demo round.
// The config is evaluated by the runner and by each worker; only the runner (no worker index) resets it.
const dbFile = process.env.E2E_DB_FILE ?? join(tmpdir(), `rectify-e2e-${port}.db`);
if (!process.env.TEST_WORKER_INDEX) {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
}

export default defineConfig({
  testDir: 'specs',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  // The JSON report feeds the one closing count that scripts/test.sh prints.
  reporter: [['list'], ['json', { outputFile: 'output/playwright.json' }]],
  use: {
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // The app then turns antd's animations off: no clicks on menus or modals still in motion.
    reducedMotion: 'reduce',
    viewport: { width: 1440, height: 900 },
    // Tracing costs seconds per test here; turn it on with E2E_TRACE=1 when a spec fails.
    trace: process.env.E2E_TRACE ? 'retain-on-failure' : 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: 'node ../apps/api/dist/server.js',
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `file:${dbFile}`,
      RECTIFY_DEMO: '1',
      NODE_ENV: 'production',
    },
  },
});
