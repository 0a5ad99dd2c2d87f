import { statSync } from 'node:fs';
import { buildPackToFile } from '../../core/packs/build';
import { publicKeyFromPrivate, fingerprint } from '../../core/packs/keys';
import { AppError } from '../../shared/errors';
import { InputError, type Io } from '../errors';
import { readInput } from '../files';
import { ffprobeDuration } from '../probe';

export async function build(folder: string, opts: { key: string; output: string }, io: Io): Promise<number> {
  const pem = readInput(opts.key).toString('utf8');
  try {
    publicKeyFromPrivate(pem);
  } catch (e) {
    if (e instanceof AppError) throw new InputError(`${opts.key}: ${e.message}`);
    throw e;
  }
  // Streamed to a temporary file and verified there, then renamed: a pack of recordings never
  // passes through memory, and a failed build leaves no half pack behind.
  const pack = await buildPackToFile(folder, pem, opts.output, { probeDuration: ffprobeDuration });
  const media = pack.media.filter((m) => m.kind !== 'captions').length;
  io.out(
    `Built ${pack.manifest.id} ${pack.manifest.version} -> ${opts.output} (${statSync(opts.output).size} bytes, ${pack.sessions.length} sessions${media ? `, ${media} media files` : ''})`,
  );
  io.out(`SHA-256:   ${pack.sha256}`);
  io.out(`Signed by: ${fingerprint(pack.publicKey)}`);
  return 0;
}
