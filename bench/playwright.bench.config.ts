/** Browser benchmarks (`npm run bench:seek`): not part of `npm test`. Same Chromium choice as playwright.config.ts. */
import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../playwright.config';

// Not the e2e port, so a benchmark can run beside the tests (PW_PORT: several checkouts on one machine).
const PORT = Number(process.env.PW_PORT ?? 4174);

export default defineConfig({
  testDir: '.',
  testMatch: '*.bench.spec.ts',
  workers: 1,
  timeout: 15 * 60_000,
  reporter: 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1280, height: 720 },
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
  },
  webServer: {
    command: `npm run build && npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 300_000,
    // Playwright runs the command in the config's folder (bench/); build and serve the project root instead.
    cwd: process.cwd(),
  },
});
