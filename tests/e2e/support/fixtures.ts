import { test as base, expect, type BrowserContext } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronUnavailable, startBrowserHost, startElectronHost, type AppHost } from './hosts';

/**
 * Chromium's own PDF viewer, which shows a session's PDFs inside the app (a component extension
 * and Chromium's shared resources): loaded from the browser itself, never from the network.
 */
const isPdfViewer = (url: URL) =>
  url.href.startsWith('chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/') ||
  url.href.startsWith('chrome://resources/');

/**
 * Offline by design: every request that is not to the app itself is recorded and aborted, and a
 * test fails if any happened.
 */
async function guardNetwork(context: BrowserContext, origin: string, violations: string[]) {
  await context.route(
    (url) => !(url.origin === origin || url.protocol === 'data:' || url.protocol === 'blob:' || isPdfViewer(url)),
    async (route) => {
      violations.push(route.request().url());
      await route.abort('blockedbyclient');
    },
  );
}

export const test = base.extend<{ app: AppHost; dataDir: string }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'study-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  app: async ({ playwright, dataDir, locale, viewport }, use, testInfo) => {
    const violations: string[] = [];
    let app: AppHost;
    if (testInfo.project.metadata.host === 'electron') {
      const reason = electronUnavailable();
      testInfo.skip(reason !== null, reason ?? '');
      app = await startElectronHost(dataDir, locale ?? 'zh-CN');
    } else {
      app = await startBrowserHost(
        playwright,
        dataDir,
        locale ?? 'zh-CN',
        (ctx, origin) => guardNetwork(ctx, origin, violations),
        viewport ?? undefined,
      );
    }
    await use(app);
    await app.close();
    expect(violations, 'requests that tried to leave the machine').toEqual([]);
  },
});

export { expect };
