import { defineConfig, devices } from '@playwright/test';

// E2E_PORT lets two runs share a machine (a benchmark, a second checkout).
const PORT = Number(process.env.E2E_PORT ?? 4322);

export default defineConfig({
  testDir: 'tests',
  testMatch: /(a11y|e2e)\/.*\.spec\.ts$/,
  fullyParallel: false,
  // Two shared cores: one worker per browser project keeps timings stable.
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Each test walks every page of the site map.
  timeout: 120_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    headless: true,
    launchOptions: {
      // Debian's Chromium: `npx playwright install` cannot download browsers here.
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } },
    {
      // Everything must work without JavaScript: many people browse with it off or broken.
      name: 'chromium-no-js',
      use: { ...devices['Desktop Chrome'], channel: undefined, javaScriptEnabled: false },
    },
  ],
  webServer: {
    // The built site exactly as deployed (dist/ plus functions/), served offline by @netlify/dev.
    command: `npx astro build && node tests/e2e/support/serve.mjs ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
