import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { verifyPack } from '../../../src/core/packs/verify';
import { keys, miniFiles, rawZip, signedEntries } from './helpers/pack';

const MiB = 1024 * 1024;
/** 20 MB by default to keep the suite quick (quadratic behaviour shows at that size already); STUDYPACK_PERF=1 for 100 MB. */
const SIZE_MB = process.env.STUDYPACK_PERF ? 100 : 20;

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

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function bestOf<T>(rounds: number, fn: () => Promise<T> | T): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < rounds; i++) {
    const start = cpuMs();
    await fn();
    best = Math.min(best, cpuMs() - start);
  }
  return best;
}

/**
 * A 100 MB (uncompressed) pack must verify in a small multiple of the work that cannot be avoided
 * (inflate, hash, decode to strings): no quadratic buffering or repeated passes. CPU time, not
 * wall time, because test machines are shared; the numbers are printed for the record.
 */
describe('verification speed', () => {
  it(`verifies a ${SIZE_MB} MB pack close to the cost of inflating and hashing it`, async () => {
    const files = miniFiles();
    const article = files.get('source/article.txt')!;
    files.set(
      'sessions/s1/material.md',
      Buffer.concat([Buffer.from('# one\n'), prose(Math.round(SIZE_MB * 0.45 * MiB), 1)]),
    );
    files.set(
      'sessions/s2/material.md',
      Buffer.concat([Buffer.from('# two\n'), prose(Math.round(SIZE_MB * 0.45 * MiB), 2)]),
    );
    files.set('source/article.txt', Buffer.concat([article, prose(Math.round(SIZE_MB * 0.1 * MiB), 3)]));
    // Deflate once (level 1: fast) and use the same streams for the pack and for the floor.
    const entries = signedEntries(files, keys().a.privateKeyPem).map((e) => ({
      ...e,
      stored: deflateRawSync(e.data!, { level: 1 }),
    }));
    const bytes = rawZip(entries);
    const contents = entries.map((e) => e.data!);

    const verify = await bestOf(2, () => verifyPack(bytes));
    const sha256 = await bestOf(2, () => contents.forEach((c) => createHash('sha256').update(c).digest()));
    // The unavoidable floor: inflate every entry, hash it, decode the text files to strings.
    const floor = await bestOf(2, () =>
      entries.forEach(({ stored: z }) => {
        const data = inflateRawSync(z);
        createHash('sha256').update(data).digest();
        data.toString('utf8');
      }),
    );
    const total = contents.reduce((n, c) => n + c.length, 0);
    console.log(
      `${(total / MiB).toFixed(0)} MiB in a ${(bytes.length / MiB).toFixed(1)} MiB pack, CPU ms: ` +
        `verify ${verify.toFixed(0)}, inflate+sha256+decode ${floor.toFixed(0)}, sha256 alone ${sha256.toFixed(0)} ` +
        `(verify ${(total / MiB / (verify / 1000)).toFixed(0)} MB/s, sha256 ${(total / MiB / (sha256 / 1000)).toFixed(0)} MB/s)`,
    );
    expect(verify).toBeLessThan(2 * floor + 500);
  }, 180_000);
});
