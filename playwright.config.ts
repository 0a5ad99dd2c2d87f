import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './tests/e2e/support/chromium';

/**
 * The same specs run against both hosts: `browser` (the browser host in Debian's Chromium) and
 * `electron` (the real app through Playwright's _electron), which skips itself with the reason
 * wherever no Electron binary could be installed.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/support/global-setup.ts',
  outputDir: 'test-results',
  // The only screenshots compared are the README's (tests/e2e/home.spec.ts).
  snapshotPathTemplate: 'docs/screenshots/{arg}{ext}',
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  // A test that passes only on its retry is a failure, not a pass: the retry is there to report the
  // flake (with its trace), never to hide it.
  failOnFlakyTests: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    locale: 'zh-CN',
    viewport: { width: 1280, height: 900 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: chromiumArgs,
    },
  },
  projects: [
    { name: 'browser', metadata: { host: 'browser' } },
    { name: 'electron', metadata: { host: 'electron' } },
  ],
});
