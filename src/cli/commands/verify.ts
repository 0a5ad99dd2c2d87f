import { parsePublicKeyFile, fingerprint } from '../../core/packs/keys';
import { verifyPackFile } from '../../core/packs/verify';
import type { VerifiedPack } from '../../core/packs/types';
import { AppError } from '../../shared/errors';
import { InputError, type Io } from '../errors';
import { checkReadable, readInput } from '../files';

/** Reads and verifies a pack; with a trusted key file, also insists on that signer. */
export async function loadVerified(file: string, trust?: string): Promise<VerifiedPack> {
  const trusted = trust === undefined ? null : readTrusted(trust);
  checkReadable(file);
  const pack = await verifyPackFile(file);
  if (trusted !== null && pack.publicKey !== trusted) {
    throw new InputError(
      `${file}: signed by ${pack.fingerprint}, not by the trusted key ${fingerprint(trusted)} (${trust}) [untrusted-signer]`,
    );
  }
  return pack;
}

function readTrusted(path: string): string {
  try {
    return parsePublicKeyFile(readInput(path).toString('utf8'));
  } catch (e) {
    if (e instanceof AppError) throw new InputError(`${path}: ${e.message}`);
    throw e;
  }
}

export async function verify(file: string, opts: { trust?: string }, io: Io): Promise<number> {
  const pack = await loadVerified(file, opts.trust);
  const m = pack.manifest;
  io.out(`OK ${file}`);
  io.out(`Pack:      ${m.id} ${m.version} "${m.title}"`);
  io.out(`Publisher: ${m.publisher.name}`);
  io.out(
    `Key:       ${pack.fingerprint} ${opts.trust ? `(matches ${opts.trust})` : '(not checked against a trusted key; use --trust)'}`,
  );
  io.out(`SHA-256:   ${pack.sha256}`);
  return 0;
}
