import { BrowserWindow, session, type WebContents } from 'electron';
import { join } from 'node:path';
import { APP_ORIGIN, isAllowedRequest, isAppOrigin, isAppUrl } from './origin';
import { watchWindowHealth } from './window-health';
import { loadWindowState, trackWindowState } from './window-state';

/**
 * Chromium's built-in PDF viewer, which shows a session's PDFs (an <iframe> of app://study/media/
 * <sha256>.pdf): a component extension with this fixed id, and Chromium's shared resources. Both
 * are loaded from the browser itself, never from the network; Debian's Chromium loads exactly
 * these (tests/e2e/material-media.spec.ts). Electron 45 needs no `plugins` preference for it:
 * Electron's own spec loads a PDF in an <iframe> of a window with default preferences.
 */
const isPdfViewer = (url: string): boolean =>
  url.startsWith('chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/') || url.startsWith('chrome://resources/');

/**
 * Navigation, new windows and webviews are all refused, for every webContents the app ever creates
 * (index.ts applies this in `web-contents-created`): the app shows only its own page, and pack
 * material can never open another site.
 */
export function lockDown(contents: WebContents, devUrl: string | undefined): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, devUrl)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url, devUrl) && !(event.frame?.parent && isPdfViewer(event.url))) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, devUrl)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * Permission requests (camera, location, notifications, devices, ...) are all refused, but for
 * full screen asked by the app's own page: the session player's full-screen button.
 */
export function denyPermissions(devUrl: string | undefined): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, permission, callback, details) =>
    callback(permission === 'fullscreen' && isAppUrl(details.requestingUrl, devUrl)),
  );
  ses.setPermissionCheckHandler(
    (_wc, permission, origin) => permission === 'fullscreen' && isAppOrigin(origin, devUrl),
  );
  ses.setDevicePermissionHandler(() => false);
  // Offline by design: any request that is not to the app itself is cancelled.
  ses.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !isAllowedRequest(details.url, devUrl) && !isPdfViewer(details.url) }),
  );
}

export function createMainWindow(userData: string, devUrl: string | undefined): BrowserWindow {
  const state = loadWindowState(userData);
  const win = new BrowserWindow({
    ...state.bounds,
    center: state.bounds.x === undefined,
    minWidth: 720,
    minHeight: 560,
    show: false,
    title: '学习伴侣 · Study Companion',
    backgroundColor: '#f6f4ef',
    webPreferences: {
      // electronegativity-ok PRELOAD_JS_CHECK: one bundled, sandboxed preload exposing only invoke() for API calls and the host dialogs (src/preload/index.ts; docs/security.md item 20)
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // Middle-click (auxclick) would otherwise be a way to open links outside the window-open handler.
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  });
  if (state.maximized) win.maximize();
  trackWindowState(win, userData);
  watchWindowHealth(win);
  // Shown when the first paint is ready, so the participant never sees an empty white frame.
  win.once('ready-to-show', () => win.show());
  void win.loadURL(devUrl ?? `${APP_ORIGIN}/index.html`);
  return win;
}
