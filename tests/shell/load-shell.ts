import { existsSync, mkdtempSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FakeElectron } from './fake-electron';

export const repoRoot = resolve(__dirname, '../..');
export const outDir = join(repoRoot, 'out');

/** Fails with the fix when the build is missing: these tests check what `npm run build` emitted. */
export function requireBuild(): void {
  for (const f of ['main/index.js', 'main/core.js', 'preload/index.js', 'renderer/index.html']) {
    if (!existsSync(join(outDir, f))) throw new Error(`out/${f} is missing: run \`npm run build\` first.`);
  }
}

type Load = (request: string, parent: unknown, isMain: boolean) => unknown;
const loader = Module as unknown as { _load: Load };
const realLoad = loader._load;
let current: FakeElectron | null = null;
loader._load = function (request, parent, isMain) {
  if (request === 'electron' && current) return current.mainModule();
  return realLoad.call(this, request, parent, isMain);
};

/**
 * Loads the built out/main/index.js against a fresh fake `electron`, as Electron would start it
 * (each call a fresh module instance), with the environment given; the test then emits `ready`.
 */
export function loadShell(
  opts: { isPackaged?: boolean; locale?: string; env?: Record<string, string | undefined> } = {},
) {
  requireBuild();
  const root = mkdtempSync(join(tmpdir(), 'study-shell-'));
  const fake = new FakeElectron(root, opts);
  current = fake;
  const saved = { ...process.env };
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  const req = Module.createRequire(join(outDir, 'main', 'index.js'));
  for (const key of Object.keys(req.cache)) if (key.startsWith(join(outDir, 'main'))) delete req.cache[key];
  try {
    req(join(outDir, 'main', 'index.js'));
  } finally {
    process.env = saved;
  }
  return { fake, root };
}

/** Polls until `get` returns something truthy (the shell works asynchronously after `ready`). */
export async function until<T>(get: () => T | null | undefined | false, what: string, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = get();
    if (v) return v;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
