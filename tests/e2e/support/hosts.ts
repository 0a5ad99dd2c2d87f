import type { Browser, BrowserContext, ElectronApplication, Page, PlaywrightWorkerArgs } from '@playwright/test';
import { _electron, expect } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startCoreWorker } from '../../../src/browser-host/core-worker';
import { startHost, type RunningHost } from '../../../src/browser-host/server';
import { loadBuiltin } from '../../../src/core/builtin';
import type { CoreLink } from '../../../src/host-common/core-link';
import { chromiumArgs, chromiumExecutable } from './chromium';

export const root = resolve(__dirname, '../../..');
/** The core as the app runs it: the built worker entry (npm test builds before the e2e suite). */
export const coreEntry = join(root, 'out', 'main', 'core.js');

/** A running copy of the app, whichever host; `restart` is closing and reopening the app. */
export interface AppHost {
  page: Page;
  origin: string;
  restart(): Promise<Page>;
  close(): Promise<void>;
  /**
   * Answers the next file choice with these paths, then runs `open` (the click that opens it): the
   * browser's file chooser, or Electron's native open dialog (stubbed in the main process, once).
   */
  chooseFiles(paths: string[], open: () => Promise<void>): Promise<void>;
  /** Runs `save` (the click that saves) and writes what it saves to `path`: a download, or the native save dialog. */
  saveTo(path: string, save: () => Promise<void>): Promise<string>;
}

const browserFiles = (page: () => Page) => ({
  async chooseFiles(paths: string[], open: () => Promise<void>) {
    const chooser = page().waitForEvent('filechooser');
    await open();
    await (await chooser).setFiles(paths);
  },
  async saveTo(path: string, save: () => Promise<void>) {
    const download = page().waitForEvent('download');
    await save();
    await (await download).saveAs(path);
    return path;
  },
});

/** Electron's dialogs cannot be clicked by Playwright: the main process answers the next one itself. */
const electronFiles = (app: () => ElectronApplication) => ({
  async chooseFiles(paths: string[], open: () => Promise<void>) {
    await app().evaluate(({ dialog }, filePaths) => {
      const original = dialog.showOpenDialog;
      dialog.showOpenDialog = (async () => {
        dialog.showOpenDialog = original;
        return { canceled: false, filePaths };
      }) as typeof dialog.showOpenDialog;
    }, paths);
    await open();
  },
  async saveTo(path: string, save: () => Promise<void>) {
    await app().evaluate(({ dialog }, filePath) => {
      const original = dialog.showSaveDialog;
      dialog.showSaveDialog = (async () => {
        dialog.showSaveDialog = original;
        return { canceled: false, filePath };
      }) as typeof dialog.showSaveDialog;
    }, path);
    await save();
    await expect.poll(() => existsSync(path)).toBe(true);
    return path;
  },
});

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
  let core: CoreLink | null = null;
  let host: RunningHost | null = null;
  let context: BrowserContext | null = null;
  const open = async () => {
    core = await startCoreWorker(coreEntry, {
      dataDir,
      appName: 'Study Companion',
      appVersion: 'test',
      builtin: loadBuiltin(join(root, 'resources')),
    });
    host = await startHost({ link: core, dataDir, rendererDir: join(root, 'out', 'renderer') });
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
    await core?.close();
  };
  const handle: AppHost = {
    page: undefined as unknown as Page,
    origin: '',
    ...browserFiles(() => handle.page),
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
    handle.page = page;
    handle.origin = 'app://study';
    return page;
  };
  const handle: AppHost = {
    page: undefined as unknown as Page,
    origin: '',
    ...electronFiles(() => app!),
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
