import { defineConfig } from '@playwright/test';
import { e2eRelaySinkPort, e2eSmtpPort } from './email-ports';

// SEAT_E2E_PORT lets two runs share a machine (each gets its own server and data directory).
const port = Number(process.env.SEAT_E2E_PORT ?? 7499);
const dataDir = process.env.SEAT_E2E_PORT ? `test-results/e2e-data-${port}` : 'test-results/e2e-data';
const baseURL = `http://127.0.0.1:${port}`;

// Drives Debian's Chromium against the real server serving the built web seat (npm run build:renderer
// first). Browsers are never downloaded: the executable path is fixed.
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: process.env.SEAT_E2E_PORT
    ? `../test-results/e2e-artifacts-${port}`
    : '../test-results/e2e-artifacts',
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless=new',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium', locale: 'en-GB' } }],
  webServer: {
    command: `npx tsx e2e/start-fresh-server.ts --port ${port} --data-dir ${dataDir} --smtp-port ${e2eSmtpPort} --smtp-relay 127.0.0.1:${e2eRelaySinkPort}`,
    cwd: '..',
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
