import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { generateKeyPair } from '../src/core/packs/keys';
import { compareNames } from '../src/core/packs/paths';
import { formatSignatureFile, formatSums, signSums } from '../src/core/packs/sums';
import { verifyPack } from '../src/core/packs/verify';
import { rawZip } from '../tests/unit/packs/helpers/rawZip';
import { repoRoot, type BenchContext } from './lib/app';
import { ms, ratio, type FigureResult } from './lib/format';

/**
 * Verification CPU time against the work no verifier can avoid (inflate every entry, hash it,
 * decode the text to strings), on the mini fixture pack grown to 100 MB of prose (20 MB with
 * --quick). Moved here from the unit tests, where a CPU-time bound failed on a busy machine: a
 * ratio well above ~2x would mean quadratic buffering or repeated passes.
 */

const MiB = 1024 * 1024;

/** Prose-like ASCII (a fixed vocabulary in pseudo-random order); deflates about 2.5:1. */
function prose(bytes: number, seed: number): Buffer {
  const vocab = Array.from({ length: 4000 }, (_, i) =>
    Buffer.from((Math.imul(i + 1, 2654435761) >>> 0).toString(36).slice(0, 2 + (i % 8)) + (i % 13 ? ' ' : '.\n')),
  );
  const out = Buffer.allocUnsafe(bytes);
  let x = seed;
  let n = 0;
  while (n < bytes) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    n += vocab[(x >>> 8) % vocab.length]!.copy(out, n);
  }
  return out;
}

function miniFiles(): Map<string, Buffer> {
  const root = join(repoRoot, 'tests', 'fixtures', 'packs', 'mini');
  const out = new Map<string, Buffer>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.set(relative(root, full).split(sep).join('/'), readFileSync(full));
    }
  };
  walk(root);
  return out;
}

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function bestOf(rounds: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < rounds; i++) {
    const start = cpuMs();
    await fn();
    best = Math.min(best, cpuMs() - start);
  }
  return best;
}

export async function verifyCpu(ctx: BenchContext): Promise<FigureResult> {
  const sizeMb = ctx.quick ? 20 : 100;
  const files = miniFiles();
  const article = files.get('source/article.txt')!;
  files.set(
    'sessions/s1/material.md',
    Buffer.concat([Buffer.from('# one\n'), prose(Math.round(sizeMb * 0.45 * MiB), 1)]),
  );
  files.set(
    'sessions/s2/material.md',
    Buffer.concat([Buffer.from('# two\n'), prose(Math.round(sizeMb * 0.45 * MiB), 2)]),
  );
  files.set('source/article.txt', Buffer.concat([article, prose(Math.round(sizeMb * 0.1 * MiB), 3)]));
  const list = [...files].map(([path, bytes]) => ({ path, bytes }));
  const sums = formatSums(list);
  const all = [
    ...list,
    { path: 'SHA256SUMS', bytes: sums },
    { path: 'SHA256SUMS.sig', bytes: formatSignatureFile(signSums(sums, generateKeyPair().privateKeyPem)) },
  ].sort((x, y) => compareNames(x.path, y.path));
  // Deflate once (level 1: fast) and use the same streams for the pack and for the floor.
  const entries = all.map((f) => ({ name: f.path, data: f.bytes, stored: deflateRawSync(f.bytes, { level: 1 }) }));
  const bytes = rawZip(entries);
  ctx.log(`verify-cpu: ${sizeMb} MB of text in a ${(bytes.length / MiB).toFixed(1)} MiB pack`);

  const verify = await bestOf(2, () => verifyPack(bytes));
  const floor = await bestOf(2, () =>
    entries.forEach(({ stored }) => {
      const data = inflateRawSync(stored);
      createHash('sha256').update(data).digest();
      data.toString('utf8');
    }),
  );
  return {
    rows: [
      {
        figure: `verify a ${sizeMb} MB pack (CPU time, best of 2)`,
        measured: ms(verify),
        baseline: `inflate+sha256+decode ${ms(floor)}`,
        ratio: ratio(verify, floor),
      },
    ],
    notes: [`verify-cpu: the unit test this replaces allowed verify < 2 x floor + 500 ms`],
  };
}
