import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, expect } from 'vitest';
import { AppError } from '../../../../src/shared/errors';
import { generateKeyPair, type KeyPair } from '../../../../src/core/packs/keys';
import { formatSignatureFile, formatSums, signSums } from '../../../../src/core/packs/sums';
import { compareNames } from '../../../../src/core/packs/paths';
import { rawZip, type RawEntry } from './rawZip';

export { rawZip };

/** Shared test material: the mini fixture pack, temp folders, keys, and signed zips made from parts. */
export const MINI = join(__dirname, '..', '..', '..', 'fixtures', 'packs', 'mini');

const temps: string[] = [];
afterAll(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'studypack-test-'));
  temps.push(dir);
  return dir;
}

/** A fresh copy of the mini pack folder that a test may change. */
export function miniCopy(): string {
  const dir = join(tempDir(), 'mini');
  cpSync(MINI, dir, { recursive: true });
  return dir;
}

/** The mini pack's files by pack path (manifest.json and every referenced file). */
export function miniFiles(): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.set(relative(MINI, full).split(sep).join('/'), readFileSync(full));
    }
  };
  walk(MINI);
  return out;
}

let cachedKeys: { a: KeyPair; b: KeyPair } | undefined;
export function keys(): { a: KeyPair; b: KeyPair } {
  cachedKeys ??= { a: generateKeyPair(), b: generateKeyPair() };
  return cachedKeys;
}

export interface SignedOptions {
  /** Replace SHA256SUMS (it is still signed unless `signature` is given). */
  sums?: Buffer;
  signature?: Buffer;
  /** Extra or replacement entries after signing. */
  after?: (entries: RawEntry[]) => RawEntry[];
}

/** SHA256SUMS + signature over `files`, zipped canonically by the test writer. */
export function signedEntries(files: Map<string, Buffer>, privateKeyPem: string, opts: SignedOptions = {}): RawEntry[] {
  const list = [...files].map(([path, bytes]) => ({ path, bytes }));
  const sums = opts.sums ?? formatSums(list);
  const sig = opts.signature ?? formatSignatureFile(signSums(sums, privateKeyPem));
  const all = [...list, { path: 'SHA256SUMS', bytes: sums }, { path: 'SHA256SUMS.sig', bytes: sig }];
  all.sort((x, y) => compareNames(x.path, y.path));
  const entries = all.map((f) => ({ name: f.path, data: f.bytes }));
  return opts.after ? opts.after(entries) : entries;
}

export function signedZip(
  files: Map<string, Buffer>,
  privateKeyPem: string,
  opts: SignedOptions & { level?: number } = {},
): Buffer {
  return rawZip(signedEntries(files, privateKeyPem, opts), { level: opts.level });
}

/** Expects `promise` to reject with an AppError of `code` whose detail.rule is `rule`. */
export async function expectRefusal(promise: Promise<unknown>, code: string, rule: string, entry?: string | null) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'expected a refusal').toBeInstanceOf(AppError);
  const e = error as AppError;
  expect({ code: e.code, rule: e.detail?.rule }, e.message).toEqual({ code, rule });
  if (entry !== undefined) expect(e.detail?.entry).toBe(entry);
  expect(e.message.length).toBeGreaterThan(10);
  return e;
}
