import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'vite';
import {
  builtinResources,
  dataDirWithProfile,
  launchChromium,
  repoRoot,
  startHostProcess,
  type BenchContext,
} from './lib/app';
import { bytes, ratio, type FigureResult } from './lib/format';

/**
 * Figure 2: the JavaScript and CSS the first screen loads, raw and gzipped, beside React +
 * ReactDOM alone, bundled by the same bundler (vite, minified, production mode) from a minimal
 * entry. "First screen" is measured, not read from index.html: the built renderer is opened in
 * Chromium through the browser host, with a participant, until the six session cards show, and
 * every .js/.css it fetched by then is counted (the entry, its preloads, the locale strings of the
 * participant's language). Screens loaded later (session, quiz, venue, ...) are listed apart.
 */

interface Asset {
  path: string;
  raw: number;
  gzip: number;
}

const gz = (b: Buffer) => gzipSync(b).length;

const assetOf = (rendererDir: string, path: string): Asset => {
  const b = readFileSync(join(rendererDir, path));
  return { path, raw: b.length, gzip: gz(b) };
};

/** Paths (relative to the renderer folder) of the JS and CSS fetched until home shows. */
async function firstScreenPaths(ctx: BenchContext, rendererDir: string): Promise<string[]> {
  const dataDir = await dataDirWithProfile(ctx, 'weight-data');
  const host = await startHostProcess({ dataDir, rendererDir, resourcesDir: await builtinResources(ctx) });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const fetched: string[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname.replace(/^\//, '');
      if (/\.(js|css)$/.test(path)) fetched.push(path);
    });
    await page.goto(host.url);
    // Home as React renders it (the one that takes clicks), not the home the host serves drawn:
    // everything the working first screen needs is counted.
    await page.locator('#root > main:not([data-first-paint]) .session-card').nth(5).waitFor();
    await context.close();
    return [...new Set(fetched)];
  } finally {
    await browser.close();
    await host.stop();
  }
}

function allAssets(rendererDir: string): string[] {
  return readdirSync(join(rendererDir, 'assets'))
    .filter((f) => /\.(js|css)$/.test(f))
    .map((f) => `assets/${f}`);
}

const ENTRY = '\0bench-react-only';

/** The smallest app React can render: a root and one element. */
const reactOnly: Plugin = {
  name: 'bench-react-only',
  resolveId: (id) => (id === 'bench-react-only' ? ENTRY : null),
  load: (id) =>
    id === ENTRY
      ? `import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
createRoot(document.getElementById('root')).render(createElement('p', null, 'ready'));`
      : null,
};

async function reactBaseline(outDir: string): Promise<Asset[]> {
  await build({
    configFile: false,
    root: repoRoot,
    logLevel: 'silent',
    mode: 'production',
    plugins: [reactOnly],
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      write: true,
      copyPublicDir: false,
      rollupOptions: { input: 'bench-react-only' },
    },
  });
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (/\.(js|css)$/.test(e.name)) files.push(join(d, e.name));
    }
  };
  walk(outDir);
  return files.map((f) => {
    const b = readFileSync(f);
    return { path: relative(outDir, f), raw: b.length, gzip: gz(b) };
  });
}

export async function weight(ctx: BenchContext): Promise<FigureResult> {
  const rendererDir = join(repoRoot, 'out', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error('out/renderer/index.html is missing: run `npx electron-vite build` first.');
  }
  const first = await firstScreenPaths(ctx, rendererDir);
  const app = first.map((p) => assetOf(rendererDir, p));
  const later = allAssets(rendererDir)
    .filter((p) => !first.includes(p))
    .map((p) => assetOf(rendererDir, p));
  const react = await reactBaseline(ctx.dir('react-only'));
  const sum = (as: Asset[], k: 'raw' | 'gzip') => as.reduce((n, a) => n + a[k], 0);
  const js = app.filter((a) => a.path.endsWith('.js'));
  const css = app.filter((a) => a.path.endsWith('.css'));
  return {
    rows: [
      {
        figure: 'renderer weight: first-screen JS + CSS, raw',
        measured: bytes(sum(app, 'raw')),
        baseline: `React + ReactDOM alone: ${bytes(sum(react, 'raw'))}`,
        ratio: ratio(sum(app, 'raw'), sum(react, 'raw')),
      },
      {
        figure: 'renderer weight: first-screen JS + CSS, gzip (target ≤ 100 KB)',
        measured: bytes(sum(app, 'gzip')),
        baseline: `React + ReactDOM alone: ${bytes(sum(react, 'gzip'))}`,
        ratio: ratio(sum(app, 'gzip'), sum(react, 'gzip')),
      },
      {
        figure: 'renderer weight: loaded later, when a screen needs it, gzip',
        measured: bytes(sum(later, 'gzip')),
        baseline: `first screen: ${bytes(sum(app, 'gzip'))}`,
        ratio: ratio(sum(later, 'gzip'), sum(app, 'gzip')),
      },
    ],
    notes: [
      `renderer weight, first screen (fetched by Chromium until the six sessions show): ${app.map((a) => `${a.path} ${bytes(a.raw)} (gzip ${bytes(a.gzip)})`).join(', ')}; ` +
        `JS ${bytes(sum(js, 'raw'))} / gzip ${bytes(sum(js, 'gzip'))}, CSS ${bytes(sum(css, 'raw'))} / gzip ${bytes(sum(css, 'gzip'))}. ` +
        `Later: ${later.length} files, ${bytes(sum(later, 'raw'))} / gzip ${bytes(sum(later, 'gzip'))}. ` +
        'Baseline: react + react-dom/client rendering one element, built by vite with minify, production mode; gzip is zlib level 6.',
    ],
  };
}
