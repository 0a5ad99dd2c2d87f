import { cpSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
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
 */

/** A page that shows one paragraph; no script, no style (the host's CSP applies to it too). */
const STATIC_PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head><body><p id="ready">ready</p></body></html>\n';

/**
 * Injected before any page script: records performance.now() (ms since navigation start) at the
 * first animation frame after `count` elements match `selector`.
 */
const detector = (selector: string, n: number) => `(() => {
  const ready = () => document.querySelectorAll(${JSON.stringify(selector)}).length >= ${n};
  const done = () => requestAnimationFrame(() => { window.__benchVisible = performance.now(); });
  if (ready()) return done();
  const mo = new MutationObserver(() => { if (ready()) { mo.disconnect(); done(); } });
  mo.observe(document, { childList: true, subtree: true });
})();`;

type BenchWindow = typeof globalThis & { __benchVisible?: number };

async function coldLoad(browser: Browser, url: string, selector: string, n: number): Promise<number> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  try {
    await context.addInitScript({ content: detector(selector, n) });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    // Functions, not strings: the app's CSP forbids the eval that string predicates need.
    await page.waitForFunction(() => (globalThis as BenchWindow).__benchVisible !== undefined, undefined, {
      timeout: 60_000,
    });
    const visible = await page.evaluate(() => (globalThis as BenchWindow).__benchVisible!);
    // Not a timing assertion: a figure for the wrong screen would be meaningless.
    const shown = await page.locator(selector).count();
    if (shown < n) throw new Error(`expected ${n} × ${selector}, found ${shown}`);
    return visible;
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
  const dataDir = await dataDirWithProfile(ctx, 'startup-data');
  const host = await startHostProcess({ dataDir, rendererDir, resourcesDir: await builtinResources(ctx) });
  const idleKb = procMemory(host.pid).rssKb;
  const browser = await launchChromium();
  const version = browser.version();
  const app: number[] = [];
  const page: number[] = [];
  try {
    // One discarded load of each warms the browser process itself (not the page: contexts are new).
    await coldLoad(browser, host.url, '.session-card', 6);
    await coldLoad(browser, `${host.url}bench.html`, '#ready', 1);
    for (let i = 0; i < loads; i++) {
      ctx.log(`start-up: load ${i + 1}/${loads}`);
      // Interleaved, so drift in machine load hits both series alike.
      app.push(await coldLoad(browser, host.url, '.session-card', 6));
      page.push(await coldLoad(browser, `${host.url}bench.html`, '#ready', 1));
    }
    ctx.memory.startup = { idleKb, peakKb: procMemory(host.pid).hwmKb };
  } finally {
    await browser.close();
    await host.stop();
  }
  return {
    rows: [
      {
        figure: `start-up: renderer to 6 sessions visible (median of ${loads} cold loads)`,
        measured: ms(median(app)),
        baseline: `static page, same host: ${ms(median(page))}`,
        ratio: ratio(median(app), median(page)),
      },
    ],
    notes: [
      `start-up: Chromium ${version}, ${count(loads)} cold loads each (new context per load, after one discarded warm-up load each), interleaved; ` +
        `app min/max ${ms(min(app))}/${ms(max(app))}, static page min/max ${ms(min(page))}/${ms(max(page))}. ` +
        'Time is performance.now() at the first animation frame after the sixth .session-card (or the static #ready) is in the DOM, i.e. from navigation start.',
    ],
  };
}
