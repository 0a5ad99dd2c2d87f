import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createDispatch } from '../../../src/core/api/dispatch';
import { Core } from '../../../src/core/core';
import { buildPack } from '../../../src/core/packs/build';
import { generateKeyPair } from '../../../src/core/packs/keys';
import type { CallName, CallOutput } from '../../../src/shared/contract';
import { tempDir } from './temp';

export const repoRoot = resolve(__dirname, '../../..');
export const builtinFolder = join(repoRoot, 'packs', 'training-class');

let cached: { bytes: Buffer; publicKey: string; privateKeyPem: string } | undefined;

/** The real built-in pack, built and signed once per test file with a throwaway key. */
export async function builtinPack() {
  if (!cached) {
    const keys = generateKeyPair();
    cached = { bytes: await buildPack(builtinFolder, keys.privateKeyPem), ...keys };
  }
  return cached;
}

export async function openCore(dataDir = tempDir(), opts: { withBuiltin?: boolean } = {}) {
  let builtin;
  if (opts.withBuiltin !== false) {
    const pack = await builtinPack();
    const packFile = join(tempDir('study-pack-'), 'builtin.studypack');
    writeFileSync(packFile, pack.bytes);
    builtin = { packFile, publicKey: pack.publicKey, publisherName: 'Test organisers' };
  }
  const core = await Core.open({ dataDir, appName: 'Study Companion', appVersion: 'test', builtin });
  const dispatch = createDispatch(core, () => {});
  /** Calls through the same dispatcher both hosts use; throws on an error reply. */
  const call = async <N extends CallName>(name: N, input: unknown): Promise<CallOutput<N>> => {
    const reply = await dispatch(name, input);
    if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
    return reply.value as CallOutput<N>;
  };
  return { core, dispatch, call, dataDir };
}
