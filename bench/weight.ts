import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'vite';
import { repoRoot, type BenchContext } from './lib/app';
import { bytes, ratio, type FigureResult } from './lib/format';

/**
 * Figure 2: the JavaScript and CSS the first screen loads (what out/renderer/index.html references:
 * module scripts, stylesheets, modulepreloads), raw and gzipped, beside React + ReactDOM alone,
 * bundled by the same bundler (vite, minified, production mode) from a minimal entry.
 */

interface Asset {
  path: string;
  raw: number;
  gzip: number;
}

const gz = (b: Buffer) => gzipSync(b).length;

function firstScreenAssets(rendererDir: string): Asset[] {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  const refs = new Set<string>();
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isScript = tag.startsWith('<script');
    const rel = /\brel="([^"]+)"/.exec(tag)?.[1] ?? '';
    if (!isScript && rel !== 'stylesheet' && rel !== 'modulepreload') continue;
    const ref = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if (ref && !/^[a-z]+:/i.test(ref)) refs.add(ref.replace(/^\.?\//, ''));
  }
  return [...refs].map((ref) => {
    const b = readFileSync(join(rendererDir, ref));
    return { path: ref, raw: b.length, gzip: gz(b) };
  });
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
  const app = firstScreenAssets(rendererDir);
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
        figure: 'renderer weight: first-screen JS + CSS, gzip',
        measured: bytes(sum(app, 'gzip')),
        baseline: `React + ReactDOM alone: ${bytes(sum(react, 'gzip'))}`,
        ratio: ratio(sum(app, 'gzip'), sum(react, 'gzip')),
      },
    ],
    notes: [
      `renderer weight: ${app.map((a) => `${a.path} ${bytes(a.raw)} (gzip ${bytes(a.gzip)})`).join(', ')}; ` +
        `JS ${bytes(sum(js, 'raw'))} / gzip ${bytes(sum(js, 'gzip'))}, CSS ${bytes(sum(css, 'raw'))} / gzip ${bytes(sum(css, 'gzip'))}. ` +
        'Baseline: react + react-dom/client rendering one element, built by vite with minify, production mode; gzip is zlib level 6.',
    ],
  };
}
