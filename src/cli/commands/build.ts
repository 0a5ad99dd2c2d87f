import { buildPack } from '../../core/packs/build';
import { publicKeyFromPrivate, fingerprint } from '../../core/packs/keys';
import { verifyPack } from '../../core/packs/verify';
import { AppError } from '../../shared/errors';
import { InputError, type Io } from '../errors';
import { readInput, writeReplacing } from '../files';

export async function build(folder: string, opts: { key: string; output: string }, io: Io): Promise<number> {
  const pem = readInput(opts.key).toString('utf8');
  try {
    publicKeyFromPrivate(pem);
  } catch (e) {
    if (e instanceof AppError) throw new InputError(`${opts.key}: ${e.message}`);
    throw e;
  }
  const bytes = await buildPack(folder, pem);
  const pack = await verifyPack(bytes);
  writeReplacing(opts.output, bytes);
  io.out(
    `Built ${pack.manifest.id} ${pack.manifest.version} -> ${opts.output} (${bytes.length} bytes, ${pack.sessions.length} sessions)`,
  );
  io.out(`SHA-256:   ${pack.sha256}`);
  io.out(`Signed by: ${fingerprint(pack.publicKey)}`);
  return 0;
}
