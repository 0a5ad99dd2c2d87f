import { createHash } from 'node:crypto';
import type { Evidence } from '../../shared/contract/records';
import { canonicalJson } from './canonical';

/** Crockford's base32: no I, L, O or U, so a code read aloud or typed by hand is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The code printed on a participant's paper record and shown beside them in the venue report: a
 * hash of who (installation, profile), which pack and the whole study evidence. A printout and a
 * record file with the same code carry the same study; any study after printing changes it.
 * 50 bits: a match by chance is about one in 10^15.
 */
export function verificationCode(r: {
  installationId: string;
  profileId: number;
  packId: string;
  evidence: Evidence;
}): string {
  const digest = createHash('sha256')
    .update(canonicalJson({ i: r.installationId, p: r.profileId, k: r.packId, e: r.evidence }))
    .digest();
  let bits = 0n;
  for (const b of digest.subarray(0, 7)) bits = (bits << 8n) | BigInt(b);
  bits >>= 6n; // 56 bits → 50
  let out = '';
  for (let i = 0; i < 10; i++) out = ALPHABET[Number((bits >> BigInt(5 * i)) & 31n)]! + out;
  return `${out.slice(0, 5)}-${out.slice(5)}`;
}

/** The record number printed on paper: this installation and profile, stable across prints. */
export const recordNumber = (installationId: string, profileId: number): string =>
  `${installationId.slice(0, 8).toUpperCase()}-${String(profileId).padStart(4, '0')}`;
