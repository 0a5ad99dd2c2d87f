import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fingerprint, formatPublicKeyFile, generateKeyPair } from '../../core/packs/keys';
import { InputError, type Io } from '../errors';
import { writeNew } from '../files';

/** `-o` names a folder (files `studypack.key/.pub` inside) or a prefix (`<prefix>.key/.pub`). */
function keyPaths(output: string | undefined): { key: string; pub: string } {
  let prefix = output ?? 'studypack';
  if (existsSync(prefix) && statSync(prefix).isDirectory()) prefix = join(prefix, 'studypack');
  prefix = prefix.replace(/\.(key|pub)$/, '');
  return { key: `${prefix}.key`, pub: `${prefix}.pub` };
}

export function keygen(opts: { output?: string }, io: Io): number {
  const { key, pub } = keyPaths(opts.output);
  for (const p of [key, pub])
    if (existsSync(p)) throw new InputError(`${p}: already exists (refusing to overwrite a key)`);
  const pair = generateKeyPair();
  writeNew(key, pair.privateKeyPem, 0o600);
  writeNew(pub, formatPublicKeyFile(pair.publicKey), 0o644);
  io.out(`Private key: ${key} (keep it secret; it signs packs in your name)`);
  io.out(`Public key:  ${pub}`);
  io.out(`Fingerprint: ${fingerprint(pair.publicKey)}`);
  return 0;
}
