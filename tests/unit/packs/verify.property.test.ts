import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/errors';
import { buildPack } from '../../../src/core/packs/build';
import { verifyPack } from '../../../src/core/packs/verify';
import type { VerifiedPack } from '../../../src/core/packs/types';
import { keys, MINI, miniFiles, signedEntries } from './helpers/pack';
import { rawZip } from './helpers/rawZip';

/** One way of damaging a pack; applied in sequence to the bytes. */
type Mutation =
  | { kind: 'flip'; at: number; mask: number }
  | { kind: 'set'; at: number; value: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; count: number };

const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('flip' as const), at: position, mask: fc.integer({ min: 1, max: 255 }) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('set' as const), at: position, value: fc.integer({ min: 0, max: 255 }) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: position }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('insert' as const),
      at: position,
      bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('delete' as const),
      at: position,
      count: fc.integer({ min: 1, max: 64 }),
    }),
  },
);

function apply(bytes: Buffer, m: Mutation): Buffer {
  const at = Math.floor(m.at * bytes.length);
  switch (m.kind) {
    case 'flip': {
      const out = Buffer.from(bytes);
      if (at < out.length) out[at]! ^= m.mask;
      return out;
    }
    case 'set': {
      const out = Buffer.from(bytes);
      if (at < out.length) out[at] = m.value;
      return out;
    }
    case 'truncate':
      return bytes.subarray(0, at);
    case 'insert':
      return Buffer.concat([bytes.subarray(0, at), m.bytes, bytes.subarray(at)]);
    case 'delete':
      return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + m.count)]);
  }
}

/** Fed anything, verifyPack either returns the original content or throws an AppError. */
async function checkOutcome(bytes: Buffer, original: VerifiedPack): Promise<'valid' | 'refused'> {
  let result: VerifiedPack;
  try {
    result = await verifyPack(bytes);
  } catch (e) {
    if (e instanceof AppError && ['PACK_INVALID', 'PACK_UNSAFE', 'PACK_SIGNATURE'].includes(e.code)) return 'refused';
    throw e;
  }
  // Only the (unsigned) deflate padding bits can change without changing the content.
  expect({ m: result.manifest, s: result.sessions, t: result.sourceText, k: result.publicKey }).toEqual({
    m: original.manifest,
    s: original.sessions,
    t: original.sourceText,
    k: original.publicKey,
  });
  return 'valid';
}

/**
 * A fixed number of runs and no wall-clock limit: with interruptAfterTimeLimit a slow machine ran
 * fewer cases and failed the count. A hang still fails, on the test's own (generous) timeout.
 */
const RUNS = 1000;
const params = { numRuns: RUNS } as const;
/** Minutes, not seconds: the suite shares a busy machine; a real hang never finishes at all. */
const HANG = 600_000;

describe('verifyPack on mutated packs (fast-check)', () => {
  it(
    'random byte flips, overwrites, truncations, insertions and deletions: valid or AppError, never a crash or hang',
    async () => {
      const pack = await buildPack(MINI, keys().a.privateKeyPem);
      const original = await verifyPack(pack);
      const seen = { valid: 0, refused: 0 };
      await fc.assert(
        fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (ms) => {
          seen[await checkOutcome(ms.reduce(apply, pack), original)]++;
        }),
        params,
      );
      expect(seen.valid + seen.refused).toBe(RUNS);
      expect(seen.refused).toBeGreaterThan(950);
    },
    HANG,
  );

  it(
    'entry reorderings and duplications: only the canonical order is valid',
    async () => {
      const entries = signedEntries(miniFiles(), keys().a.privateKeyPem);
      const original = await verifyPack(rawZip(entries));
      const seen = { valid: 0, refused: 0 };
      const indices = fc.array(fc.nat({ max: entries.length - 1 }), { minLength: 1, maxLength: entries.length + 2 });
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.shuffledSubarray(
              entries.map((_, i) => i),
              { minLength: 1 },
            ),
            indices,
          ),
          async (order) => {
            const outcome = await checkOutcome(rawZip(order.map((i) => entries[i]!)), original);
            seen[outcome]++;
            if (outcome === 'valid') expect(order).toEqual(entries.map((_, i) => i));
          },
        ),
        params,
      );
      expect(seen.valid + seen.refused).toBe(RUNS);
    },
    HANG,
  );

  it(
    'mutated file contents, correctly re-signed: the content checks answer with AppErrors only',
    async () => {
      const files = miniFiles();
      const names = [...files.keys()];
      const seen = { valid: 0, refused: 0 };
      await fc.assert(
        fc.asyncProperty(
          fc.nat({ max: names.length - 1 }),
          fc.array(mutation, { minLength: 1, maxLength: 3 }),
          async (which, ms) => {
            const name = names[which]!;
            const changed = new Map(files).set(name, ms.reduce(apply, files.get(name)!));
            try {
              const result = await verifyPack(rawZip(signedEntries(changed, keys().a.privateKeyPem)));
              expect(result.sessions.length).toBe(result.manifest.sessions.length);
              seen.valid++;
            } catch (e) {
              if (!(e instanceof AppError)) throw e;
              seen.refused++;
            }
          },
        ),
        { ...params, numRuns: 300 }, // each run signs and fully verifies: slower, and the layers above cover bytes
      );
      expect(seen.valid + seen.refused).toBe(300);
      expect(seen.valid).toBeGreaterThan(0); // e.g. a changed Markdown byte is still a valid pack
    },
    HANG,
  );
});
