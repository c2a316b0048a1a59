/**
 * End-to-end tests in a real Chromium (TOOLCHAIN.md). Debian's /usr/bin/chromium when present (or CHROMIUM_PATH);
 * otherwise Playwright's own browser (`npx playwright install chromium`), so both CI and a laptop work.
 */
import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

export const chromiumPath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  // Without these Chromium floods a closed network with refused connections.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

// PW_PORT lets several checkouts run their end-to-end tests side by side on one machine.
const port = Number(process.env.PW_PORT ?? 4173);
const base = `http://127.0.0.1:${port}`;
const preview = `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`;

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: base,
    viewport: { width: 1280, height: 720 },
    trace: 'retain-on-failure',
    // The build registers a service worker (offline use); e2e/offline.spec.ts tests it and allows it. Elsewhere it is
    // blocked, so every test sees the network as a first visit does and none spends time precaching the site.
    serviceWorkers: 'block',
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
  },
  webServer: {
    // scripts/test.sh builds first (SKIP_BUILD=1); a bare `npx playwright test` builds here.
    command: process.env.SKIP_BUILD ? preview : `npm run build && ${preview}`,
    url: base,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});
