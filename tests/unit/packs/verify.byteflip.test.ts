import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/errors';
import { buildPack } from '../../../src/core/packs/build';
import { verifyPack } from '../../../src/core/packs/verify';
import { keys, MINI } from './helpers/pack';

/**
 * Every single byte of a built pack matters: flipping any one of them (all 8 bits) must make
 * verification fail. Headers are covered by the canonical-layout check, data by CRC-32 and
 * SHA-256, SHA256SUMS by the signature. The mini pack is small enough to try every offset.
 */
describe('single-byte tampering', () => {
  it('is detected at every byte offset of the mini pack', async () => {
    const bytes = await buildPack(MINI, keys().a.privateKeyPem);
    expect(bytes.length).toBeLessThan(8000);
    const accepted: number[] = [];
    const codes = new Map<string, number>();
    for (let offset = 0; offset < bytes.length; offset++) {
      const mutated = Buffer.from(bytes);
      mutated[offset]! ^= 0xff;
      try {
        await verifyPack(mutated);
        accepted.push(offset);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        const key = `${e.code}/${String(e.detail?.rule)}`;
        codes.set(key, (codes.get(key) ?? 0) + 1);
      }
    }
    expect(accepted).toEqual([]);
    // Tampering is caught by several layers; make sure more than one does real work.
    expect(codes.size).toBeGreaterThan(4);
  });
});
