import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { build, type Plugin } from 'vite';
import {
  builtinResources,
  dataDirWithProfile,
  launchChromium,
  procMemory,
  repoRoot,
  startHostProcess,
  type BenchContext,
} from './lib/app';
import { count, ms, ratio, type FigureResult } from './lib/format';
import { max, median, min } from './lib/stats';

/**
 * Figure 1: from navigation start of the renderer in Chromium (served by the real browser host,
 * in its own process) to the frame in which all six session cards are in the DOM, over cold loads
 * (a new browser context each time: empty cache, no code cache, new renderer process). Baseline: a
 * minimal static page served by the same host process on the same origin, detected the same way.
 * A second row shows the floor a client-rendered React page has here: React + ReactDOM alone
 * rendering six cards (no data, no strings), loaded the same way in the same run.
 */

/** A page that shows one paragraph; no script, no style (the host's CSP applies to it too). */
const STATIC_PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head><body><p id="ready">ready</p></body></html>\n';

/**
 * Injected before any page script: records performance.now() (ms since navigation start) at the
 * first animation frame after `count` elements match `selector`, and (`reactSelector`) after they
 * match it too: the host serves home already drawn (src/shared/first-screen), and React's own home,
 * which takes clicks, replaces it.
 */
const detector = (selector: string, n: number, reactSelector = selector) => `(() => {
  const at = (sel) => document.querySelectorAll(sel).length >= ${n};
  const marks = [[${JSON.stringify(selector)}, '__benchVisible'], [${JSON.stringify(reactSelector)}, '__benchReact']];
  const check = () => {
    for (const m of marks) if (!m[2] && at(m[0])) { m[2] = true; requestAnimationFrame(() => { window[m[1]] = performance.now(); }); }
    return marks.every((m) => m[2]);
  };
  if (check()) return;
  const mo = new MutationObserver(() => { if (check()) mo.disconnect(); });
  mo.observe(document, { childList: true, subtree: true });
})();`;

/** Home's cards as React renders them, not the home served before it. */
const REACT_CARDS = '#root > main:not([data-first-paint]) .session-card';

const FLOOR_ENTRY = '\0bench-react-cards';

/** React rendering six `.session-card`s at once: what any React first screen pays before its own work. */
const reactCards: Plugin = {
  name: 'bench-react-cards',
  resolveId: (id) => (id === 'bench-react-cards' ? FLOOR_ENTRY : null),
  load: (id) =>
    id === FLOOR_ENTRY
      ? `import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
const cards = [1, 2, 3, 4, 5, 6].map((n) => h('li', { key: n, className: 'session-card' }, 'card ' + n));
createRoot(document.getElementById('root')).render(h('ol', null, cards));`
      : null,
};

/** Builds the React floor page (vite, minified, production) into the served folder as bench-react.html. */
async function writeReactFloor(ctx: BenchContext, rendererDir: string): Promise<void> {
  const outDir = ctx.dir('react-cards');
  await build({
    configFile: false,
    root: repoRoot,
    logLevel: 'silent',
    mode: 'production',
    plugins: [reactCards],
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      copyPublicDir: false,
      rollupOptions: { input: 'bench-react-cards', output: { entryFileNames: 'bench-react.js' } },
    },
  });
  const files = readdirSync(outDir).filter((f) => f.endsWith('.js'));
  if (files.length !== 1) throw new Error(`expected one React floor bundle, found ${files.join(', ')}`);
  cpSync(join(outDir, files[0]!), join(rendererDir, 'bench-react.js'));
  writeFileSync(
    join(rendererDir, 'bench-react.html'),
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>bench</title>' +
      '<script type="module" src="./bench-react.js"></script></head><body><div id="root"></div></body></html>\n',
  );
}

/**
 * The static page with the app's stylesheet and six cards in its markup: what any styled page from
 * this host pays (the page, then its stylesheet: two round trips), the floor for home served drawn.
 */
function writeStyledPage(rendererDir: string): void {
  const css = readFileSync(join(rendererDir, 'index.html'), 'utf8').match(/href="(\.\/assets\/[^"]+\.css)"/)?.[1];
  if (!css) throw new Error('no stylesheet in out/renderer/index.html');
  const cards = [1, 2, 3, 4, 5, 6].map((n) => `<li class="session-card">card ${n}</li>`).join('');
  writeFileSync(
    join(rendererDir, 'bench-styled.html'),
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>bench</title><link rel="stylesheet" href="${css}"></head>` +
      `<body><div id="root"><main class="page"><ol class="session-grid">${cards}</ol></main></div></body></html>\n`,
  );
}

type BenchWindow = typeof globalThis & { __benchVisible?: number; __benchReact?: number };

async function coldLoad(
  browser: Browser,
  url: string,
  selector: string,
  n: number,
  reactSelector?: string,
): Promise<{ visible: number; react: number }> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  try {
    await context.addInitScript({ content: detector(selector, n, reactSelector) });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    // Functions, not strings: the app's CSP forbids the eval that string predicates need.
    await page.waitForFunction(
      () =>
        (globalThis as BenchWindow).__benchVisible !== undefined &&
        (globalThis as BenchWindow).__benchReact !== undefined,
      undefined,
      { timeout: 60_000 },
    );
    const times = await page.evaluate(() => ({
      visible: (globalThis as BenchWindow).__benchVisible!,
      react: (globalThis as BenchWindow).__benchReact!,
    }));
    // Not a timing assertion: a figure for the wrong screen would be meaningless.
    const shown = await page.locator(reactSelector ?? selector).count();
    if (shown < n) throw new Error(`expected ${n} × ${reactSelector ?? selector}, found ${shown}`);
    return times;
  } finally {
    await context.close();
  }
}

export async function startup(ctx: BenchContext): Promise<FigureResult> {
  const loads = ctx.quick ? 5 : 15;
  const rendererSrc = join(repoRoot, 'out', 'renderer');
  if (!existsSync(join(rendererSrc, 'index.html'))) {
    throw new Error('out/renderer/index.html is missing: run `npx electron-vite build` first.');
  }
  // A copy of the built renderer plus the static page, served by the real host CLI.
  const rendererDir = ctx.dir('renderer');
  cpSync(rendererSrc, rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'bench.html'), STATIC_PAGE);
  writeStyledPage(rendererDir);
  await writeReactFloor(ctx, rendererDir);
  const dataDir = await dataDirWithProfile(ctx, 'startup-data');
  const host = await startHostProcess({ dataDir, rendererDir, resourcesDir: await builtinResources(ctx) });
  const idleKb = procMemory(host.pid).rssKb;
  const browser = await launchChromium();
  const version = browser.version();
  const app: number[] = [];
  const appReact: number[] = [];
  const page: number[] = [];
  const react: number[] = [];
  const styled: number[] = [];
  try {
    // One discarded load of each warms the browser process itself (not the page: contexts are new).
    await coldLoad(browser, host.url, '.session-card', 6, REACT_CARDS);
    await coldLoad(browser, `${host.url}bench.html`, '#ready', 1);
    await coldLoad(browser, `${host.url}bench-react.html`, '.session-card', 6);
    await coldLoad(browser, `${host.url}bench-styled.html`, '.session-card', 6);
    for (let i = 0; i < loads; i++) {
      ctx.log(`start-up: load ${i + 1}/${loads}`);
      // Interleaved, so drift in machine load hits both series alike.
      const appLoad = await coldLoad(browser, host.url, '.session-card', 6, REACT_CARDS);
      app.push(appLoad.visible);
      appReact.push(appLoad.react);
      page.push((await coldLoad(browser, `${host.url}bench.html`, '#ready', 1)).visible);
      react.push((await coldLoad(browser, `${host.url}bench-react.html`, '.session-card', 6)).visible);
      styled.push((await coldLoad(browser, `${host.url}bench-styled.html`, '.session-card', 6)).visible);
    }
    ctx.memory.startup = { idleKb, peakKb: procMemory(host.pid).hwmKb };
  } finally {
    await browser.close();
    await host.stop();
  }
  return {
    rows: [
      {
        figure: `start-up: renderer to 6 sessions visible (median of ${loads} cold loads; target ≤ 2x)`,
        measured: ms(median(app)),
        baseline: `static page, same host: ${ms(median(page))}`,
        ratio: ratio(median(app), median(page)),
      },
      {
        figure: `start-up: to home rendered by React, which takes clicks (median of ${loads} cold loads)`,
        measured: ms(median(appReact)),
        baseline: `static page, same host: ${ms(median(page))}`,
        ratio: ratio(median(appReact), median(page)),
      },
      {
        figure: `start-up floor: a static page with the app's stylesheet (median of ${loads} cold loads)`,
        measured: ms(median(styled)),
        baseline: `static page, same host: ${ms(median(page))}`,
        ratio: ratio(median(styled), median(page)),
      },
      {
        figure: `start-up floor: React alone rendering 6 cards (median of ${loads} cold loads)`,
        measured: ms(median(react)),
        baseline: `static page, same host: ${ms(median(page))}`,
        ratio: ratio(median(react), median(page)),
      },
    ],
    notes: [
      `start-up: Chromium ${version}, ${count(loads)} cold loads each (new context per load, after one discarded warm-up load each), interleaved; ` +
        `app min/max ${ms(min(app))}/${ms(max(app))}, static page min/max ${ms(min(page))}/${ms(max(page))}, ` +
        `React floor min/max ${ms(min(react))}/${ms(max(react))}, styled page min/max ${ms(min(styled))}/${ms(max(styled))}. ` +
        'Time is performance.now() at the first animation frame after the sixth .session-card (or the static #ready) is in the DOM, i.e. from navigation start; ' +
        "the app's first row counts home as served in index.html (drawn by the host from the core's answers), the second React's home replacing it.",
    ],
  };
}
