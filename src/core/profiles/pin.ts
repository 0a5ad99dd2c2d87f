import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// scrypt is Node's built-in memory-hard KDF: slow for a guesser, ~50 ms for the user. It runs on
// libuv's thread pool (async), so a guess never blocks the core's other calls for those 50 ms.
const N = 16384;
const r = 8;
const p = 1;
const KEYLEN = 32;

const scryptAsync = (pin: string, salt: Buffer, keylen: number, opts: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(pin, salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))),
  );

export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(pin, salt, KEYLEN, { N, r, p });
  return ['scrypt', N, r, p, salt.toString('base64'), hash.toString('base64')].join('$');
}

export async function checkPin(pin: string, stored: string): Promise<boolean> {
  const [alg, n, rr, pp, salt, hash] = stored.split('$');
  if (alg !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scryptAsync(pin, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(rr),
    p: Number(pp),
  });
  return timingSafeEqual(expected, actual);
}
