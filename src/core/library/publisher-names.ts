import type Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import type { InstallablePack } from './installable';
import type { PublisherRow } from './publishers';

/**
 * Letters from other scripts that look like Latin ones (Cyrillic, Greek), and digits that pass
 * for letters. A small table for the cases that matter in publisher names; full-width forms and
 * ligatures are folded by NFKC before it is applied.
 */
const LOOKALIKES: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  һ: 'h',
  ӏ: 'l',
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ω: 'w',
  '0': 'o',
  '1': 'l',
  '|': 'l',
  i: 'l',
  '5': 's',
  '8': 'b',
};

/**
 * The "skeleton" of a name: what is left to see once width, case, accents, spacing, punctuation
 * and look-alike letters are set aside. Two names with one skeleton read as the same publisher.
 */
export function nameSkeleton(name: string): string {
  const folded = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{Z}\p{P}\p{S}\p{C}]/gu, '');
  return [...folded]
    .map((c) => LOOKALIKES[c] ?? c)
    .join('')
    .replace(/rn/g, 'm')
    .replace(/vv/g, 'w');
}

/**
 * A new key may not present itself under the name of a publisher the app already trusts with
 * another key: the participant compares names, and only the fingerprint tells two keys apart.
 * Refused outright (not a question): trusting would make two publishers look like one.
 */
export function checkPublisherName(db: Database.Database, pack: InstallablePack): void {
  const known = db.prepare('SELECT * FROM publishers').all() as PublisherRow[];
  if (known.some((p) => p.public_key === pack.publicKey)) return;
  const skeleton = nameSkeleton(pack.manifest.publisher.name);
  const clash = known.find((p) => nameSkeleton(p.name) === skeleton);
  if (!clash) return;
  throw new AppError(
    'PACK_UNTRUSTED',
    `This pack's publisher calls itself "${pack.manifest.publisher.name}", which reads like the trusted publisher ` +
      `"${clash.name}" (key ${clash.fingerprint}), but it is signed by another key (${pack.fingerprint}). ` +
      'Compare the fingerprint with the one your organisers gave you.',
    {
      reason: 'library.publisher.nameTaken',
      publisher: pack.manifest.publisher.name,
      fingerprint: pack.fingerprint,
      trustedName: clash.name,
      trustedFingerprint: clash.fingerprint,
    },
  );
}
