/**
 * A stand-in for the `electron` module, for loading the BUILT shell (out/main, out/preload) in
 * plain Node where no Electron binary can be had. It is written to fail where Electron fails, not
 * to record calls:
 * - APIs Electron allows only before `ready` (registerSchemesAsPrivileged, enableSandbox, setPath)
 *   throw after it; APIs that need `ready` (protocol.handle, windows, dialogs, screen, utility
 *   processes) throw before it;
 * - the preload runs in its own VM context whose `require` gives only what a sandboxed preload can
 *   load (electron, events, timers, url): anything else throws as in Electron;
 * - contextBridge needs contextIsolation, and every value crossing it or IPC is structured-cloned
 *   (functions across the bridge become proxies; a function inside an IPC value throws);
 * - a second ipcMain.handle on one channel throws; invoking a channel without a handler rejects;
 * - utilityProcess.fork starts a real Node child with structured-clone messaging and
 *   `process.parentPort`, as Electron's utility process has.
 * What it cannot be: Chromium. It does not render, so printToPDF returns a fixed minimal PDF, the
 * page's own scripts never run (tests act as the page through the bridge), and CSP, navigation and
 * permission handlers are only checked as registered, not enforced. Those need the real binary:
 * the `electron` Playwright project runs them where one exists.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as timers from 'node:timers';
import * as url from 'node:url';
import vm from 'node:vm';

export const FAKE_PDF = '%PDF-1.4\n% printed by the test stand-in for Chromium\n%%EOF\n';

export class ElectronRuleError extends Error {}
const rule = (message: string): never => {
  throw new ElectronRuleError(message);
};

type Listener = (...args: unknown[]) => unknown;

/** Electron's menu roles (electron.d.ts, MenuItemConstructorOptions.role). */
const MENU_ROLES = new Set(
  (
    'undo redo cut copy paste pasteAndMatchStyle delete selectAll reload forceReload toggleDevTools resetZoom ' +
    'zoomIn zoomOut toggleSpellChecker togglefullscreen window minimize close help about services hide hideOthers ' +
    'unhide quit startSpeaking stopSpeaking zoom front appMenu fileMenu editMenu viewMenu shareMenu recentDocuments ' +
    'toggleTabBar selectNextTab selectPreviousTab showAllTabs mergeAllWindows clearRecentDocuments ' +
    'moveTabToNewWindow windowMenu'
  ).split(' '),
);

export interface FakeFrame {
  origin: string;
  url: string;
  parent: FakeFrame | null;
}

interface DialogAnswer {
  canceled: boolean;
  filePaths?: string[];
  filePath?: string;
}

export class FakeElectron {
  ready = false;
  quitted = false;
  readonly userDataDefault: string;
  readonly paths = new Map<string, string>();
  readonly appEvents = new EventEmitter();
  readonly handlers = new Map<string, Listener>();
  readonly schemes: unknown[] = [];
  protocolHandlers = new Map<string, (req: Request) => Promise<Response> | Response>();
  readonly windows: FakeWindow[] = [];
  readonly children: ChildProcess[] = [];
  readonly errorBoxes: { title: string; content: string }[] = [];
  readonly messageBoxes: unknown[] = [];
  readonly dialogAnswers: DialogAnswer[] = [];
  readonly dialogRequests: unknown[] = [];
  /** What the preload threw: Electron logs it and shows the page without the bridge. */
  readonly preloadErrors: unknown[] = [];
  menu: unknown[] | null = null;
  sandboxEnabled = false;
  permissionHandlers = 0;
  /** The permission handlers main installed, to ask them what they allow. */
  permissionRequest:
    ((wc: unknown, permission: string, cb: (ok: boolean) => void, details: { requestingUrl: string }) => void) | null =
    null;
  permissionCheck: ((wc: unknown, permission: string, origin: string) => boolean) | null = null;
  requestFilter: ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void) | null = null;
  private readyResolve!: () => void;
  private readonly readyPromise = new Promise<void>((r) => (this.readyResolve = r));

  constructor(
    readonly root: string,
    readonly opts: { isPackaged?: boolean; locale?: string } = {},
  ) {
    this.userDataDefault = join(root, 'userData-default');
    this.paths.set('appData', join(root, 'appData'));
    this.paths.set('userData', this.userDataDefault);
  }

  /** Like Electron's `ready`: only the test decides when it happens. */
  emitReady(): void {
    this.ready = true;
    this.appEvents.emit('ready');
    this.readyResolve();
  }

  private needReady(what: string) {
    if (!this.ready) rule(`${what} cannot be used before the app is ready.`);
  }

  private beforeReady(what: string) {
    if (this.ready) rule(`${what} must be called before the app is ready.`);
  }

  /** The main-process module: what `require('electron')` gives out/main/index.js. */
  mainModule(): Record<string, unknown> {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const fake = this;
    const app = {
      get isPackaged() {
        return !!fake.opts.isPackaged;
      },
      getName: () => 'Study Companion',
      getVersion: () => '0.1.0-fake',
      getLocale: () => fake.opts.locale ?? 'zh-CN',
      getPreferredSystemLanguages: () => [fake.opts.locale ?? 'zh-CN'],
      getPath: (name: string) => fake.paths.get(name) ?? rule(`Failed to get '${name}' path`),
      setPath: (name: string, value: string) => {
        // Electron: changing userData after ready leaves the session's data where it was.
        if (name === 'userData') fake.beforeReady('app.setPath("userData")');
        fake.paths.set(name, value);
      },
      enableSandbox: () => {
        fake.beforeReady('app.enableSandbox()');
        fake.sandboxEnabled = true;
      },
      requestSingleInstanceLock: () => true,
      whenReady: () => fake.readyPromise,
      isReady: () => fake.ready,
      on: (event: string, l: Listener) => (fake.appEvents.on(event, l), app),
      once: (event: string, l: Listener) => (fake.appEvents.once(event, l), app),
      quit: () => fake.quit(),
      showAboutPanel: () => undefined,
    };
    const protocol = {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        fake.beforeReady('protocol.registerSchemesAsPrivileged()');
        fake.schemes.push(...schemes);
      },
      handle: (scheme: string, handler: (req: Request) => Promise<Response>) => {
        fake.needReady('protocol.handle()');
        if (fake.protocolHandlers.has(scheme)) rule(`The scheme "${scheme}" is already handled.`);
        fake.protocolHandlers.set(scheme, handler);
      },
    };
    const ipcMain = {
      handle: (channel: string, fn: Listener) => {
        if (fake.handlers.has(channel)) rule(`Attempted to register a second handler for '${channel}'`);
        fake.handlers.set(channel, fn);
      },
      removeHandler: (channel: string) => fake.handlers.delete(channel),
    };
    const dialog = {
      showOpenDialog: async (...args: unknown[]) => fake.answerDialog('showOpenDialog', args),
      showSaveDialog: async (...args: unknown[]) => fake.answerDialog('showSaveDialog', args),
      showMessageBox: async (...args: unknown[]) => {
        fake.needReady('dialog.showMessageBox()');
        fake.messageBoxes.push(args.at(-1));
        return { response: 0, checkboxChecked: false };
      },
      // The one dialog Electron allows before ready.
      showErrorBox: (title: string, content: string) => fake.errorBoxes.push({ title, content }),
    };
    const session = {
      get defaultSession() {
        fake.needReady('session.defaultSession');
        return {
          setPermissionRequestHandler: (f: FakeElectron['permissionRequest']) => {
            fake.permissionRequest = f;
            fake.permissionHandlers++;
          },
          setPermissionCheckHandler: (f: FakeElectron['permissionCheck']) => {
            fake.permissionCheck = f;
            fake.permissionHandlers++;
          },
          setDevicePermissionHandler: () => fake.permissionHandlers++,
          webRequest: { onBeforeRequest: (f: FakeElectron['requestFilter']) => (fake.requestFilter = f) },
        };
      },
    };
    const screen = {
      getAllDisplays: () => {
        fake.needReady('screen');
        return [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }];
      },
    };
    const Menu = {
      buildFromTemplate: (template: unknown[]) => {
        checkMenu(template);
        return { items: template };
      },
      setApplicationMenu: (menu: { items: unknown[] } | null) => {
        fake.needReady('Menu.setApplicationMenu()');
        fake.menu = menu?.items ?? null;
      },
    };
    // The OS keychain: only the main process has it, and only after ready. The fake seals with a
    // fixed XOR (a stand-in for DPAPI or libsecret: it proves the app stores only what safeStorage
    // returned and reads it back through safeStorage, not that anything is secret).
    const seal = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
    const safeStorage = {
      isEncryptionAvailable: () => {
        fake.needReady('safeStorage');
        return true;
      },
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (text: string) => Buffer.concat([Buffer.from('sealed:'), seal(Buffer.from(text, 'utf8'))]),
      decryptString: (buf: Buffer) => {
        if (!buf.subarray(0, 7).equals(Buffer.from('sealed:')))
          throw new Error('Error while decrypting the ciphertext');
        return seal(buf.subarray(7)).toString('utf8');
      },
    };
    const utilityProcess = { fork: (modulePath: string, args: string[] = []) => fake.forkUtility(modulePath, args) };
    const BrowserWindow = makeBrowserWindow(fake);
    return { app, protocol, ipcMain, dialog, session, screen, Menu, utilityProcess, BrowserWindow, safeStorage };
  }

  private answerDialog(kind: string, args: unknown[]) {
    this.needReady(`dialog.${kind}()`);
    this.dialogRequests.push({ kind, options: args.at(-1) });
    const answer = this.dialogAnswers.shift();
    if (!answer) rule(`The test gave no answer for dialog.${kind}().`);
    return kind === 'showSaveDialog' ? { canceled: answer!.canceled, filePath: answer!.filePath } : answer;
  }

  private forkUtility(modulePath: string, args: string[]) {
    this.needReady('utilityProcess.fork()');
    const child = fork(modulePath, args, {
      serialization: 'advanced', // structured clone, as Electron's MessagePort-based channel
      execArgv: ['--require', join(__dirname, 'utility-child.cjs')],
      stdio: 'inherit',
    });
    this.children.push(child);
    const emitter = new EventEmitter();
    child.on('message', (m) => emitter.emit('message', m));
    // Electron reports a killed utility process with a non-zero code, never null.
    child.on('exit', (code, signal) => emitter.emit('exit', code ?? (signal ? 1 : 0)));
    return Object.assign(emitter, {
      get pid() {
        return child.pid;
      },
      postMessage: (m: unknown) => child.send(structuredClone(m) as never),
      kill: () => child.kill(),
    });
  }

  quit(): void {
    if (this.quitted) return;
    let prevented = false;
    const event = { preventDefault: () => (prevented = true) };
    this.appEvents.emit('before-quit', event);
    if (prevented) return;
    this.appEvents.emit('will-quit', event);
    if (prevented) return;
    this.quitted = true;
    this.appEvents.emit('quit');
  }

  /** ipcRenderer.invoke as Electron does it: clone in, find the one handler, clone out. */
  async invoke(frame: FakeFrame | null, sender: FakeWebContents, channel: string, args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler)
      throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
    const cloned = structuredClone(args);
    const result = await handler({ sender, senderFrame: frame, frameId: 1, processId: 1 }, ...cloned);
    return structuredClone(result);
  }

  async fetchApp(href: string, init?: RequestInit): Promise<Response> {
    const scheme = new URL(href).protocol.replace(/:$/, '');
    const handler = this.protocolHandlers.get(scheme) ?? rule(`No handler for ${scheme}://`);
    return handler(new Request(href, init));
  }
}

function checkMenu(items: unknown[]): void {
  for (const item of items as { role?: string; submenu?: unknown[]; label?: string; type?: string }[]) {
    if (item.role && !MENU_ROLES.has(item.role)) rule(`Invalid menu role "${item.role}".`);
    if (!item.role && !item.label && item.type !== 'separator') rule('A menu item needs a label, a role or a type.');
    if (item.submenu) checkMenu(item.submenu);
  }
}

export class FakeWebContents extends EventEmitter {
  readonly mainFrame: FakeFrame = { origin: 'null', url: 'about:blank', parent: null };
  windowOpenHandler: ((d: { url: string }) => { action: string }) | null = null;
  destroyed = false;
  reloads = 0;
  constructor(private readonly fake: FakeElectron) {
    super();
    fake.appEvents.emit('web-contents-created', {}, this);
  }
  setWindowOpenHandler(h: FakeWebContents['windowOpenHandler']) {
    this.windowOpenHandler = h;
  }
  reload() {
    this.reloads++;
  }
  isDestroyed() {
    return this.destroyed;
  }
  /** Chromium is not here to render: fixed bytes stand in for the PDF, so only the saving is tested. */
  async printToPDF(options: { pageSize?: string }): Promise<Buffer> {
    if (options.pageSize !== 'A4') rule('The fake prints A4 only, as the app asks.');
    return Buffer.from(FAKE_PDF);
  }
}

export class FakeWindow extends EventEmitter {
  readonly webContents: FakeWebContents;
  visible = false;
  destroyed = false;
  maximized = false;
  bounds: { x: number; y: number; width: number; height: number };
  page: Record<string, unknown> | null = null;
  constructor(
    private readonly fake: FakeElectron,
    readonly options: Record<string, unknown>,
  ) {
    super();
    if (!fake.ready) rule('Cannot create BrowserWindow before app is ready');
    this.bounds = {
      x: (options.x as number | undefined) ?? 360,
      y: (options.y as number | undefined) ?? 110,
      width: options.width as number,
      height: options.height as number,
    };
    this.webContents = new FakeWebContents(fake);
    fake.windows.push(this);
  }
  async loadURL(href: string): Promise<void> {
    const res = await this.fake.fetchApp(href);
    if (!res.ok) rule(`ERR_FILE_NOT_FOUND loading ${href}`);
    const u = new URL(href);
    this.webContents.mainFrame.url = href;
    this.webContents.mainFrame.origin = `${u.protocol}//${u.host}`;
    this.page = runPreload(this.fake, this);
    this.emit('ready-to-show');
  }
  show() {
    this.visible = true;
  }
  maximize() {
    this.maximized = true;
  }
  isMaximized() {
    return this.maximized;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
  getNormalBounds() {
    return { ...this.bounds };
  }
  isDestroyed() {
    return this.destroyed;
  }
  close() {
    this.emit('close', { preventDefault: () => undefined });
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
    const all = this.fake.windows;
    all.splice(all.indexOf(this), 1);
    if (all.length === 0) this.fake.appEvents.emit('window-all-closed');
  }
}

function makeBrowserWindow(fake: FakeElectron) {
  return class BrowserWindow extends FakeWindow {
    static fromWebContents(wc: FakeWebContents) {
      return fake.windows.find((w) => w.webContents === wc) ?? null;
    }
    constructor(options: Record<string, unknown>) {
      super(fake, options);
    }
  };
}

/**
 * Runs out/preload in a context of its own, with what a sandboxed preload has: a `require` for
 * electron, events, timers and url only. Returns the page's world (what exposeInMainWorld gave it).
 */
function runPreload(fake: FakeElectron, win: FakeWindow): Record<string, unknown> {
  const prefs = (win.options.webPreferences ?? {}) as Record<string, unknown>;
  if (prefs.sandbox !== true && !fake.sandboxEnabled) rule('The fake only runs sandboxed preloads.');
  const preloadPath = prefs.preload as string | undefined;
  const pageWorld: Record<string, unknown> = {};
  if (!preloadPath) return pageWorld;
  const contextBridge = {
    exposeInMainWorld: (key: string, api: unknown) => {
      if (prefs.contextIsolation === false) rule('contextBridge API can only be used when contextIsolation is enabled');
      pageWorld[key] = acrossBridge(api);
    },
  };
  const ipcRenderer = {
    invoke: (channel: string, ...args: unknown[]) =>
      fake.invoke(win.webContents.mainFrame, win.webContents, channel, args),
    send: () => rule('The app uses invoke only.'),
  };
  const allowed: Record<string, unknown> = {
    electron: { contextBridge, ipcRenderer },
    events: EventEmitter,
    timers,
    url,
  };
  const sandboxRequire = (name: string) => {
    if (!(name in allowed)) throw new Error(`module not found: ${name}`);
    return allowed[name];
  };
  const module = { exports: {} };
  const context = vm.createContext({
    require: sandboxRequire,
    module,
    exports: module.exports,
    console,
    Promise,
    setTimeout,
    clearTimeout,
  });
  try {
    vm.runInContext(readFileSync(preloadPath, 'utf8'), context, { filename: preloadPath });
  } catch (e) {
    fake.preloadErrors.push(e);
  }
  return pageWorld;
}

/** contextBridge's copy of a value for the page: plain data cloned, functions proxied, results cloned. */
function acrossBridge(value: unknown): unknown {
  if (typeof value === 'function') {
    return (...args: unknown[]) => {
      const out = (value as Listener)(...args.map((a) => structuredClone(a)));
      return out instanceof Promise ? out.then((v) => structuredClone(v)) : structuredClone(out);
    };
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, acrossBridge(v)]));
  }
  return structuredClone(value);
}
