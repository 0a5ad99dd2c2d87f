/**
 * The built desktop shell, started in plain Node against a fake `electron` that enforces
 * Electron's rules (tests/shell/fake-electron.ts says what it can and cannot stand in for): the
 * built preload in a sandboxed context, every renderer file through app://, every contract call
 * through bridge → ipcMain → the core's utility process → a real SQLite file, the host dialogs,
 * crash handling, window state and quitting.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StudyBridge } from '../../../src/shared/bridge';
import { callNames } from '../../../src/shared/contract';
import { CSP } from '../../../src/shared/csp';
import { errorCodes } from '../../../src/shared/errors';
import { splitAtRoot } from '../../../src/shared/first-screen/page';
import { FAKE_PDF, type FakeElectron, type FakeWindow } from '../../shell/fake-electron';
import { loadShell, outDir, repoRoot, until } from '../../shell/load-shell';

let fake: FakeElectron;
let root: string;
let win: FakeWindow;
let bridge: StudyBridge;
let userData: string;

type Reply =
  | { ok: true; value: unknown }
  | { ok: false; error: { code: string; message: string; detail?: Record<string, unknown> } };
const call = async (name: string, input: unknown = {}) => (await bridge.invoke(name, input)) as Reply;
const value = async <T>(name: string, input: unknown = {}): Promise<T> => {
  const r = await call(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
};

beforeAll(async () => {
  ({ fake, root } = loadShell({ env: { STUDY_USER_DATA: undefined } }));
  userData = join(root, 'appData', 'Study Companion (development)');
  // Before ready, the shell did what only works before ready, and nothing that needs it.
  expect(fake.sandboxEnabled).toBe(true);
  expect(fake.schemes).toEqual([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
  expect(fake.protocolHandlers.size).toBe(0);
  fake.emitReady();
  win = await until(() => fake.windows[0]?.page && fake.windows[0], 'the main window');
  // A sandboxed preload that requires anything but electron (zod, once) throws here.
  expect(fake.preloadErrors.map(String)).toEqual([]);
  bridge = await until(() => win.page?.studyBridge as StudyBridge | undefined, 'the preload bridge');
}, 60_000);

afterAll(() => {
  for (const c of fake?.children ?? []) if (c.exitCode === null) c.kill();
});

describe('start-up', () => {
  it('keeps development data apart from the installed app and opens a shown, centred, sandboxed window', () => {
    expect(fake.errorBoxes).toEqual([]);
    expect(fake.paths.get('userData')).toBe(userData);
    expect(existsSync(join(userData, 'data', 'progress.sqlite'))).toBe(true);
    expect(win.visible).toBe(true);
    expect(win.options.center).toBe(true);
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true });
    expect(prefs.preload).toBe(join(outDir, 'preload', 'index.js'));
    expect(fake.permissionHandlers).toBe(3);
    expect(win.webContents.windowOpenHandler?.({ url: 'https://example.org' })).toEqual({ action: 'deny' });
  });

  it('refuses every permission but full screen for the app’s own page (the player)', () => {
    const ask = (permission: string, url: string) => {
      let answer: boolean | undefined;
      fake.permissionRequest!(null, permission, (ok) => (answer = ok), { requestingUrl: url });
      return answer;
    };
    expect(ask('fullscreen', 'app://study/index.html#/session/s1')).toBe(true);
    expect(ask('fullscreen', 'https://example.org/')).toBe(false);
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(ask(p, 'app://study/index.html')).toBe(false);
    }
    expect(fake.permissionCheck!(null, 'fullscreen', 'app://study')).toBe(true);
    expect(fake.permissionCheck!(null, 'fullscreen', 'https://example.org')).toBe(false);
    expect(fake.permissionCheck!(null, 'media', 'app://study')).toBe(false);
  });

  it('runs the core in a utility process, not in main', () => {
    expect(fake.children).toHaveLength(1);
    expect(fake.children[0]!.exitCode).toBeNull();
  });

  it('cancels every request that is not to the app itself', () => {
    const decide = (url: string) =>
      new Promise<boolean>((r) => fake.requestFilter!({ url }, ({ cancel }) => r(cancel)));
    return Promise.all([
      expect(decide('app://study/index.html')).resolves.toBe(false),
      expect(decide('https://example.org/')).resolves.toBe(true),
      expect(decide('http://127.0.0.1:5178/')).resolves.toBe(true),
      expect(decide('file:///etc/passwd')).resolves.toBe(true),
    ]);
  });

  it('has a menu in the participant’s language with Edit for copy and paste', () => {
    const menu = fake.menu as { label?: string; submenu?: { role?: string }[] }[];
    expect(menu.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    const roles = menu.flatMap((m) => m.submenu ?? []).map((i) => i.role);
    expect(roles).toEqual(expect.arrayContaining(['copy', 'paste', 'zoomIn', 'zoomOut', 'quit']));
    // A development run keeps reload and the developer tools (smoke-packaged.test.ts: not packaged).
    expect(roles).toContain('toggleDevTools');
  });
});

describe('app:// serves the built renderer', () => {
  const types: Record<string, RegExp> = { js: /^text\/javascript/, css: /^text\/css/, html: /^text\/html/ };

  it('serves every file index.html loads, with its MIME type and the CSP', async () => {
    const html = readFileSync(join(outDir, 'renderer', 'index.html'), 'utf8');
    const assets = [...html.matchAll(/(?:src|href)="\.?\/?([^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const path of ['index.html', ...assets]) {
      const res = await fake.fetchApp(`app://study/${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toMatch(types[path.split('.').pop()!] ?? /./);
      expect(res.headers.get('content-security-policy'), path).toBe(CSP);
      const body = Buffer.from(await res.arrayBuffer());
      const file = readFileSync(join(outDir, 'renderer', path));
      // index.html is served with the first screen's answers in #root (src/shared/first-screen).
      if (path === 'index.html') {
        const parts = splitAtRoot(file.toString('utf8'))!;
        const page = body.toString('utf8');
        expect(page.startsWith(parts.before) && page.endsWith(parts.after)).toBe(true);
        expect(page).toContain('<script type="application/json" id="first-screen-answers">');
      } else expect(body.equals(file), path).toBe(true);
    }
  });

  it('serves index.html with home drawn from the window’s own answers', async () => {
    await value('profiles.create', { name: '王五', unit: '市纪委' });
    const res = await fake.fetchApp('app://study/index.html', { headers: { 'Accept-Language': 'zh-CN,zh;q=0.9' } });
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    const html = await res.text();
    expect(html.match(/class="session-card /g)).toHaveLength(6);
    expect(html).toContain('<span title="市纪委">王五</span>');
    expect(html).toContain('<div id="root" lang="zh-CN" data-text-scale="1">');
    // The answers are the window's: what its calls over the bridge return.
    const block = /<script type="application\/json" id="first-screen-answers">(.*?)<\/script>/s.exec(html)![1]!;
    const answers = JSON.parse(block) as { profiles: Reply; settings: Reply };
    expect(answers.profiles).toEqual(await call('profiles.list'));
    expect(answers.settings).toEqual(await call('settings.get'));
  });

  it('refuses path traversal, other hosts and other methods', async () => {
    for (const href of [
      'app://study/%2e%2e/%2e%2e/package.json',
      'app://study/..%2fmain%2findex.js',
      'app://study/%2e%2e%5cmain%5cindex.js',
      'app://evil/index.html',
      'app://study/assets/',
    ]) {
      const res = await fake.fetchApp(href);
      expect(res.status, href).toBe(404);
      expect(res.headers.get('content-security-policy')).toBe(CSP);
    }
    expect((await fake.fetchApp('app://study/index.html', { method: 'POST', body: 'x' })).status).toBe(404);
  });
});

describe('app:// serves stored media with byte ranges (Electron’s own file fetch ignores Range)', () => {
  const sha = 'ab'.repeat(32);
  const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
  beforeAll(() => writeFileSync(join(userData, 'data', 'media', sha), bytes));
  const get = (range?: string, path = `${sha}.mp4`) =>
    fake.fetchApp(`app://study/media/${path}`, range ? { headers: { Range: range } } : undefined);

  it('answers a range with 206, the exact bytes and the headers a <video> needs', async () => {
    const res = await get('bytes=500-599');
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe('bytes 500-599/1000');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('content-type')).toBe('video/mp4');
    expect(res.headers.get('content-length')).toBe('100');
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes.subarray(500, 600));
  });

  it('answers the whole file without a range, 416 beyond the end, 404 outside the store', async () => {
    const whole = await get();
    expect(whole.status).toBe(200);
    expect(Buffer.from(await whole.arrayBuffer())).toEqual(bytes);
    expect((await get('bytes=2000-')).status).toBe(416);
    expect((await get(undefined, `${'cd'.repeat(32)}.mp4`)).status).toBe(404);
    expect((await get(undefined, '..%2f..%2fprogress.sqlite')).status).toBe(404);
  });
});

describe('the contract through bridge → ipcMain → core', () => {
  it('answers every contract call from the core, never with an unknown-call or transport error', async () => {
    for (const name of callNames) {
      const reply = await call(name, {});
      expect(typeof reply.ok, name).toBe('boolean');
      if (!reply.ok) {
        expect(errorCodes, name).toContain(reply.error.code);
        expect(reply.error.code, name).not.toBe('UNKNOWN_CALL');
        // FORBIDDEN may be the core's own answer (a venue PIN); main's sender check says ipc.sender.
        expect(reply.error.detail?.reason, name).not.toBe('ipc.sender');
      }
    }
  });

  it('keeps a participant’s progress in a real SQLite file', async () => {
    const created = await value<{ id: number }>('profiles.create', { name: '王芳', unit: '第二分会场' });
    await value('profiles.select', { id: created.id });
    const info = await value<{ dataDir: string; schemaVersion: number }>('app.info');
    expect(info.dataDir).toBe(join(userData, 'data'));
    const db = new Database(join(info.dataDir, 'progress.sqlite'), { readonly: true, fileMustExist: true });
    try {
      const rows = db.prepare('SELECT name FROM profiles').all() as { name: string }[];
      expect(rows.map((r) => r.name)).toContain('王芳');
    } finally {
      db.close();
    }
  });

  it('keeps the record signing key sealed by the OS keychain, which only main can open', async () => {
    expect(await value('records.signingInfo')).toMatchObject({ keyProtected: true });
    expect(readFileSync(join(userData, 'signing-key-seal.bin')).subarray(0, 7).toString()).toBe('sealed:');
    const db = new Database(join(userData, 'data', 'progress.sqlite'), { readonly: true });
    try {
      const row = db.prepare('SELECT private_key_pem AS stored FROM installation').get() as { stored: string };
      expect(row.stored).not.toMatch(/PRIVATE KEY/);
    } finally {
      db.close();
    }
  });

  it('refuses names outside the contract, in the preload and in main', async () => {
    expect(await call('../../etc', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
    await expect(fake.invoke(win.webContents.mainFrame, win.webContents, 'api:nothing.here', [{}])).rejects.toThrow(
      /No handler registered/,
    );
  });

  it('refuses calls from a subframe, a foreign origin and a destroyed frame', async () => {
    const main = win.webContents.mainFrame;
    const frames = [
      { origin: 'app://study', url: 'app://study/x.html', parent: main },
      { origin: 'https://evil.example', url: 'https://evil.example/', parent: null },
      { origin: 'null', url: 'about:blank', parent: null },
      null,
    ];
    for (const frame of frames) {
      for (const channel of ['api:app.info', 'host:saveFile']) {
        const r = (await fake.invoke(frame, win.webContents, channel, [{}])) as Reply | { saved: boolean } | null;
        if (channel === 'api:app.info') expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
        else expect(r).toEqual({ saved: false });
      }
    }
    expect(fake.dialogRequests).toEqual([]);
  });
});

describe('host capabilities: native dialogs, files by path', () => {
  it('opens a pack where it lies (no bytes through IPC) and the core imports it', async () => {
    const pack = join(root, 'usb', 'class.studypack');
    mkdirSync(join(root, 'usb'));
    writeFileSync(pack, readFileSync(join(repoRoot, 'resources', 'builtin', 'training-class.studypack')));
    fake.dialogAnswers.push({ canceled: false, filePaths: [pack] });
    const picked = await bridge.host.openPack();
    expect(picked).toMatchObject({ fileName: 'class.studypack', size: readFileSync(pack).length });
    const r = await call('library.import', { uploadId: picked!.uploadId });
    expect(r.ok || ['PACK_DOWNGRADE', 'CONFLICT'].includes(r.error.code)).toBe(true);
    await value('library.list');
    expect(existsSync(pack)).toBe(true); // the participant's own file is never deleted
    fake.dialogAnswers.push({ canceled: true, filePaths: [] });
    expect(await bridge.host.openPack()).toBeNull();
  });

  it('reads venue record files from a picked folder, skipping what is not a record', async () => {
    const folder = join(root, 'records');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a.json'), '{"a":1}');
    writeFileSync(join(folder, 'b.json'), '{"b":2}');
    writeFileSync(join(folder, 'desktop.ini'), 'x');
    fake.dialogAnswers.push({ canceled: false, filePaths: [folder] });
    const picked = await bridge.host.openFiles('recordsFolder');
    expect(picked!.files.map((f) => [f.name, Buffer.from(f.bytes).toString()]).sort()).toEqual([
      ['a.json', '{"a":1}'],
      ['b.json', '{"b":2}'],
    ]);
    fake.dialogAnswers.push({ canceled: true });
    expect(await bridge.host.openFiles('roster')).toBeNull();
  });

  it('writes exports where the save dialog says, with a safe default name', async () => {
    const csv = join(root, 'export.csv');
    fake.dialogAnswers.push({ canceled: false, filePath: csv });
    const saved = await bridge.host.saveFile({
      fileName: '../../etc/记录.csv',
      mimeType: 'text/csv',
      content: '姓名,单位\n',
    });
    expect(saved).toEqual({ saved: true, path: csv });
    expect(readFileSync(csv, 'utf8')).toBe('姓名,单位\n');
    expect(fake.dialogRequests.at(-1)).toMatchObject({ kind: 'showSaveDialog', options: { defaultPath: '记录.csv' } });
    const xlsx = join(root, 'report.xlsx');
    fake.dialogAnswers.push({ canceled: false, filePath: xlsx });
    await bridge.host.saveFile({ fileName: 'report.xlsx', mimeType: 'application/x', base64: 'UEsDBA==' });
    expect(readFileSync(xlsx)).toEqual(Buffer.from('UEsDBA==', 'base64'));
    fake.dialogAnswers.push({ canceled: true });
    expect(await bridge.host.saveFile({ fileName: 'x.csv', mimeType: 'text/csv', content: 'x' })).toEqual({
      saved: false,
    });
  });

  it('prints the record to a PDF file', async () => {
    const pdf = join(root, 'record.pdf');
    fake.dialogAnswers.push({ canceled: false, filePath: pdf });
    expect(await bridge.host.printToPdf('完成记录')).toEqual({ saved: true, path: pdf });
    expect(readFileSync(pdf, 'utf8')).toBe(FAKE_PDF);
  });
});

describe('crashes, window state and quitting', () => {
  it('reloads a crashed page with a notice instead of leaving a blank window', async () => {
    const notices = fake.messageBoxes.length;
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(win.webContents.reloads).toBe(1);
    await until(() => fake.messageBoxes.length > notices, 'the crash notice');
    expect(JSON.stringify(fake.messageBoxes.at(-1))).toMatch(/重新载入/);
  });

  it('brings the core back after its process dies, and the next call works', async () => {
    fake.children[0]!.kill('SIGKILL');
    await until(() => fake.children[0]!.exitCode !== null || fake.children[0]!.signalCode, 'the core to die');
    const info = await value<{ name: string }>('app.info');
    expect(info.name).toBe('Study Companion');
    expect(fake.children).toHaveLength(2);
  });

  it('saves the window state on close, closes the database with a backup and quits', async () => {
    const backupsBefore = readdirSync(join(userData, 'data', 'backups')).length;
    win.close();
    const state = JSON.parse(readFileSync(join(userData, 'window-state.json'), 'utf8')) as { bounds: unknown };
    expect(state.bounds).toMatchObject({ width: 1200, height: 860 });
    await until(() => fake.quitted, 'the app to quit');
    const core = fake.children.at(-1)!;
    await until(() => core.exitCode !== null, 'the core process to end');
    expect(core.exitCode).toBe(0);
    expect(readdirSync(join(userData, 'data', 'backups')).length).toBeGreaterThan(backupsBefore);
  });
});
