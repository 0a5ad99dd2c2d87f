import type { Browser, BrowserContext, ElectronApplication, Page, PlaywrightWorkerArgs } from '@playwright/test';
import { _electron } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startHost, type RunningHost } from '../../../src/browser-host/server';
import { loadBuiltin } from '../../../src/core/builtin';
import { Core } from '../../../src/core/core';
import { chromiumArgs, chromiumExecutable } from './chromium';

export const root = resolve(__dirname, '../../..');

/** A running copy of the app, whichever host; `restart` is closing and reopening the app. */
export interface AppHost {
  page: Page;
  origin: string;
  restart(): Promise<Page>;
  close(): Promise<void>;
  /** The Electron app (main process), in the electron project only. */
  electron?: ElectronApplication;
}

/** Why the Electron project cannot run here, or null where an Electron binary exists. */
export function electronUnavailable(): string | null {
  const pathTxt = join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathTxt)) {
    return 'No Electron binary on this machine (node_modules/electron/path.txt missing: the download is not possible here). The same specs run in the browser project.';
  }
  const binary = join(root, 'node_modules', 'electron', 'dist', readFileSync(pathTxt, 'utf8').trim());
  return existsSync(binary) ? null : `Electron binary ${binary} is missing.`;
}

export async function startBrowserHost(
  playwright: PlaywrightWorkerArgs['playwright'],
  dataDir: string,
  locale: string,
  guard: (context: BrowserContext, origin: string) => Promise<void>,
  viewport: { width: number; height: number } = { width: 1280, height: 900 },
): Promise<AppHost> {
  const browser: Browser = await playwright.chromium.launch({
    executablePath: chromiumExecutable(),
    args: chromiumArgs,
  });
  let core: Core | null = null;
  let host: RunningHost | null = null;
  let context: BrowserContext | null = null;
  const open = async () => {
    core = await Core.open({
      dataDir,
      appName: 'Study Companion',
      appVersion: 'test',
      builtin: loadBuiltin(join(root, 'resources')),
    });
    host = await startHost({ core, rendererDir: join(root, 'out', 'renderer') });
    context = await browser.newContext({ locale, viewport });
    const origin = host.url.replace(/\/$/, '');
    await guard(context, origin);
    const page = await context.newPage();
    await page.goto(host.url);
    handle.origin = origin;
    handle.page = page;
    return page;
  };
  const shut = async () => {
    await context?.close();
    await host?.close();
    core?.close();
  };
  const handle: AppHost = {
    page: undefined as unknown as Page,
    origin: '',
    restart: async () => {
      await shut();
      return open();
    },
    close: async () => {
      await shut();
      await browser.close();
    },
  };
  await open();
  return handle;
}

export async function startElectronHost(dataDir: string, locale: string): Promise<AppHost> {
  let app: ElectronApplication | null = null;
  const open = async () => {
    app = await _electron.launch({
      args: [join(root, 'out', 'main', 'index.js'), `--lang=${locale}`],
      env: { ...process.env, STUDY_USER_DATA: dataDir },
    });
    const page = await app.firstWindow();
    handle.electron = app;
    handle.page = page;
    handle.origin = 'app://study';
    return page;
  };
  const handle: AppHost = {
    page: undefined as unknown as Page,
    origin: '',
    restart: async () => {
      await app?.close();
      return open();
    },
    close: async () => {
      await app?.close();
    },
  };
  await open();
  return handle;
}
