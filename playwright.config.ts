// End-to-end journeys in a real browser against a running Canary (scripts/test.sh starts the app,
// the worker and the services first; there is deliberately no webServer here).
import { defineConfig, devices } from "@playwright/test";

const baseURL = process.env.E2E_BASE_URL ?? "http://localhost:3100";

export default defineConfig({
  testDir: "e2e",
  // Journeys share one database and one queue; run them one at a time.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  // A focused test left in would silently drop every other journey, on a laptop as on CI.
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  // Screenshots journeys keep on purpose (testInfo.outputPath) and failure screenshots land here.
  outputDir: process.env.CANARY_E2E_OUTPUT_DIR ?? ".data/test-results/playwright-artifacts",
  reporter: [["list"], ["json", { outputFile: ".data/test-results/playwright.json" }]],
  use: {
    ...devices["Desktop Chrome"],
    baseURL,
    headless: true,
    viewport: { width: 1400, height: 900 },
    screenshot: "only-on-failure",
    trace: "off",
    launchOptions: {
      // The Debian chromium package: Playwright's own browser downloads are not available offline.
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-gpu",
      ],
    },
  },
});
