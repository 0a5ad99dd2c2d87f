/**
 * What `npm run build` emits is a contract with Electron, checked on the built files themselves:
 * a sandboxed preload can load only `electron`; main may load Node built-ins, `electron` and the
 * packages in `dependencies` (the only ones electron-builder puts in the packaged app); the core
 * and the browser host never load `electron`.
 */
import { builtinModules } from 'node:module';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { outDir, repoRoot, requireBuild } from '../../shell/load-shell';

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/**
 * Every module a built CommonJS file loads: require("x") and import("x"). Lines of bundled doc
 * comments (markdown-it's carry `var md = require('markdown-it')()` examples) are not code.
 */
export function requiresOf(file: string): string[] {
  const code = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line))
    .join('\n');
  const found = [...code.matchAll(/\b(?:require|import)\s*\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]!);
  return [...new Set(found)].sort();
}

const packageOf = (spec: string) =>
  spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] as string);

/** The files reachable from an entry through relative requires (shared chunks). */
function reachable(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  for (const r of requiresOf(entry)) {
    if (r.startsWith('.')) {
      const target = resolve(dirname(entry), r);
      expect(existsSync(target), `${entry} requires ${r}`).toBe(true);
      reachable(target, seen);
    }
  }
  return seen;
}

const external = (entry: string) =>
  [...reachable(entry)].flatMap((f) => requiresOf(f).filter((r) => !r.startsWith('.')));

beforeAll(() => requireBuild());

describe('the built preload', () => {
  it('requires electron and nothing else (a sandboxed preload can load nothing else)', () => {
    expect(requiresOf(join(outDir, 'preload', 'index.js'))).toEqual(['electron']);
    expect(readdirSync(join(outDir, 'preload'))).toEqual(['index.js']);
  });

  it('this check sees what broke the app before: a require of zod', () => {
    expect(requiresOf('/dev/null')).toEqual([]);
    const broken = join(repoRoot, 'tests', 'shell', 'broken-preload.txt');
    expect(requiresOf(broken)).toEqual(['electron', 'zod']);
  });
});

describe('the built main process', () => {
  const allowed = (spec: string) => builtins.has(spec) || spec === 'electron' || packageOf(spec) in pkg.dependencies;

  it('requires only Node built-ins, electron and packages in dependencies', () => {
    const outside = external(join(outDir, 'main', 'index.js')).filter((s) => !allowed(s));
    expect(outside).toEqual([]);
  });

  it('runs the core and the browser host without electron (plain Node: a worker, a utility process)', () => {
    for (const entry of ['core.js', 'host.js']) {
      const specs = external(join(outDir, 'main', entry));
      expect(
        specs.filter((s) => !allowed(s)),
        entry,
      ).toEqual([]);
      expect(specs, entry).not.toContain('electron');
    }
  });

  it('lists every package it loads in dependencies, so electron-builder packs it', () => {
    const used = new Set(
      ['index.js', 'core.js']
        .flatMap((e) => external(join(outDir, 'main', e)))
        .filter((s) => !builtins.has(s) && s !== 'electron')
        .map(packageOf),
    );
    for (const name of used) {
      expect(pkg.dependencies, name).toHaveProperty(name);
      expect(pkg.devDependencies, name).not.toHaveProperty(name);
    }
    expect([...used]).toContain('better-sqlite3');
  });
});
