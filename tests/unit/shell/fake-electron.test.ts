/**
 * The stand-in for Electron must fail where Electron fails, or the smoke test proves nothing:
 * each rule it claims to enforce is broken here on purpose.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ElectronRuleError, FakeElectron } from '../../shell/fake-electron';

type Any = Record<string, Record<string, (...a: unknown[]) => unknown>>;
const fresh = () => {
  const fake = new FakeElectron(mkdtempSync(join(tmpdir(), 'fake-electron-')));
  return { fake, e: fake.mainModule() as Any & { BrowserWindow: new (o: unknown) => unknown } };
};

describe('the fake electron enforces Electron’s rules', () => {
  it('refuses before-ready APIs after ready, and ready-only APIs before it', () => {
    const { fake, e } = fresh();
    expect(() => new e.BrowserWindow({ width: 1, height: 1 })).toThrow(ElectronRuleError);
    expect(() => e.protocol!.handle!('app', () => new Response())).toThrow(/before the app is ready/);
    expect(() => e.utilityProcess!.fork!('x.js')).toThrow(/before the app is ready/);
    expect(() => e.screen!.getAllDisplays!()).toThrow(/before the app is ready/);
    fake.emitReady();
    expect(() => e.app!.enableSandbox!()).toThrow(/before the app is ready/);
    expect(() => e.protocol!.registerSchemesAsPrivileged!([])).toThrow(/before the app is ready/);
    expect(() => e.app!.setPath!('userData', '/tmp/x')).toThrow(/before the app is ready/);
  });

  it('refuses a second handler on one channel and an invoke with no handler', async () => {
    const { fake, e } = fresh();
    e.ipcMain!.handle!('api:x', () => 1);
    expect(() => e.ipcMain!.handle!('api:x', () => 2)).toThrow(/second handler/);
    const wc = {} as never;
    await expect(fake.invoke(null, wc, 'api:none', [])).rejects.toThrow(/No handler registered/);
    // IPC values are structured-cloned: a function cannot cross.
    await expect(fake.invoke(null, wc, 'api:x', [{ f: () => 1 }])).rejects.toThrow(/could not be cloned/);
  });

  it('runs a preload that requires anything but electron into an error, as a sandbox does', async () => {
    const { fake, e } = fresh();
    const dir = mkdtempSync(join(tmpdir(), 'fake-preload-'));
    const preload = join(dir, 'index.js');
    copyFileSync(join(__dirname, '..', '..', 'shell', 'broken-preload.txt'), preload);
    fake.emitReady();
    e.protocol!.handle!('app', () => new Response('<!doctype html>'));
    const win = new e.BrowserWindow({ width: 1, height: 1, webPreferences: { sandbox: true, preload } }) as {
      loadURL(u: string): Promise<void>;
      page: Record<string, unknown>;
    };
    await win.loadURL('app://study/index.html');
    expect(fake.preloadErrors.map(String)).toEqual(['Error: module not found: zod']);
    expect(win.page).toEqual({});
    writeFileSync(preload, 'require("electron").contextBridge.exposeInMainWorld("k", { v: 1 });');
    await win.loadURL('app://study/index.html');
    expect(win.page).toEqual({ k: { v: 1 } });
  });

  it('refuses the contextBridge without context isolation and unknown menu roles', async () => {
    const { fake, e } = fresh();
    const preload = join(mkdtempSync(join(tmpdir(), 'fake-preload-')), 'p.js');
    writeFileSync(preload, 'require("electron").contextBridge.exposeInMainWorld("k", {});');
    fake.emitReady();
    e.protocol!.handle!('app', () => new Response('x'));
    const win = new e.BrowserWindow({
      width: 1,
      height: 1,
      webPreferences: { sandbox: true, contextIsolation: false, preload },
    }) as { loadURL(u: string): Promise<void> };
    await win.loadURL('app://study/');
    expect(String(fake.preloadErrors[0])).toMatch(/contextIsolation/);
    expect(() => e.Menu!.buildFromTemplate!([{ role: 'openDevToolsSecretly' }])).toThrow(/Invalid menu role/);
  });
});
