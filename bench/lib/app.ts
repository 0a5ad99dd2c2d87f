import { chromiumArgs } from '../../tests/e2e/support/chromium';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { createDispatch, type Dispatch } from '../../src/core/api/dispatch';
import { loadBuiltin } from '../../src/core/builtin';
import { Core } from '../../src/core/core';
import { buildPack } from '../../src/core/packs/build';
import type { CallName, CallOutput } from '../../src/shared/contract';
import { seededKeyPair } from './synthetic';

export const repoRoot = resolve(__dirname, '../..');

/** What every figure gets: a private temp folder (removed after the run) and the run's options. */
export interface BenchContext {
  /** Root temp folder of this run; each figure makes its own folder inside. */
  tmp: string;
  quick: boolean;
  /** Progress on stderr, so stdout stays the table. */
  log(message: string): void;
  /** A fresh folder under `tmp`. */
  dir(prefix: string): string;
  /** Peak-memory samples the memory figure reports, filled by the start-up and import figures. */
  memory: { startup?: HostMemory; import?: HostMemory & { packBytes: number } };
}

export interface HostMemory {
  /** VmRSS of the idle host just after it started listening, before any request. */
  idleKb: number;
  /** VmHWM (peak resident set) of the host at the end of the figure. */
  peakKb: number;
}

export function makeDir(parent: string, prefix: string): string {
  mkdirSync(parent, { recursive: true });
  return mkdtempSync(join(parent, `${prefix}-`));
}

let builtinDir: string | undefined;

/**
 * The folder holding builtin/builtin.json: the real one `npm run pack:builtin` writes, or, when
 * that has not run, the same training-class folder built here with a seeded bench key.
 */
export async function builtinResources(ctx: BenchContext): Promise<string> {
  const real = join(repoRoot, 'resources');
  if (existsSync(join(real, 'builtin', 'builtin.json'))) return real;
  if (builtinDir) return builtinDir;
  const dir = ctx.dir('resources');
  const keys = seededKeyPair(7);
  mkdirSync(join(dir, 'builtin'));
  writeFileSync(
    join(dir, 'builtin', 'training-class.studypack'),
    await buildPack(join(repoRoot, 'packs', 'training-class'), keys.privateKeyPem),
  );
  const descriptor = { packFile: 'training-class.studypack', publicKey: keys.publicKey, publisherName: 'Bench' };
  writeFileSync(join(dir, 'builtin', 'builtin.json'), JSON.stringify(descriptor));
  builtinDir = dir;
  return dir;
}

export interface BenchCore {
  core: Core;
  dispatch: Dispatch;
  /** A call through the dispatcher both hosts use; throws on an error reply. */
  call<N extends CallName>(name: N, input: unknown): Promise<CallOutput<N>>;
}

export async function openBenchCore(ctx: BenchContext, dataDir: string): Promise<BenchCore> {
  const core = await Core.open({
    dataDir,
    appName: 'Study Companion',
    appVersion: 'bench',
    builtin: loadBuiltin(await builtinResources(ctx)),
  });
  const dispatch = createDispatch(core, (e) => console.error(e));
  const call = async <N extends CallName>(name: N, input: unknown): Promise<CallOutput<N>> => {
    const reply = await dispatch(name, input);
    if (!reply.ok) throw new Error(`${name}: ${reply.error.code} ${reply.error.message}`);
    return reply.value as CallOutput<N>;
  };
  return { core, dispatch, call };
}

/** A data folder with the built-in pack installed and one participant profile (the last one used). */
export async function dataDirWithProfile(ctx: BenchContext, prefix: string): Promise<string> {
  const dataDir = ctx.dir(prefix);
  const b = await openBenchCore(ctx, dataDir);
  await b.call('profiles.create', { name: 'Bench participant', unit: 'Bench unit' });
  b.core.close();
  return dataDir;
}

/** VmRSS and VmHWM of a process, in kB, from /proc (Linux). */
export function procMemory(pid: number): { rssKb: number; hwmKb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssKb: field('VmRSS'), hwmKb: field('VmHWM') };
}

export interface HostProcess {
  pid: number;
  url: string;
  origin: string;
  /** POST /api/<name> as the renderer does; throws on an error reply. */
  call<T = unknown>(name: string, input: unknown): Promise<T>;
  stop(): Promise<void>;
}

/**
 * The browser host as its own process, exactly as `npm run serve` runs it: the built
 * out/main/host.js, whose core runs in a worker thread of the same process (so /proc of this pid
 * covers both).
 */
export async function startHostProcess(opts: {
  dataDir: string;
  rendererDir: string;
  resourcesDir: string;
}): Promise<HostProcess> {
  const args = [join(repoRoot, 'out', 'main', 'host.js'), '--data', opts.dataDir, '--port', '0'];
  args.push('--renderer', opts.rendererDir, '--resources', opts.resourcesDir);
  const child: ChildProcess = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const url = await new Promise<string>((ok, fail) => {
    let out = '';
    const onData = (c: Buffer) => {
      out += c.toString();
      const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) {
        child.stdout!.off('data', onData);
        ok(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => fail(new Error(`browser host exited (${code}) before listening: ${stderr || out}`)));
  });
  child.stdout!.resume();
  const origin = url.replace(/\/$/, '');
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return {
    pid: child.pid!,
    url,
    origin,
    async call<T>(name: string, input: unknown): Promise<T> {
      const res = await fetch(`${origin}/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      const reply = (await res.json()) as
        { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
      if (!reply.ok) throw new Error(`${name}: ${reply.error.code} ${reply.error.message}`);
      return reply.value;
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: chromiumArgs,
  });
}
