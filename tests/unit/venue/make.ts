import { canonicalJson } from '../../../src/core/records/canonical';
import { installationIdFor } from '../../../src/core/records/identity';
import { signedRecordText, signRecord } from '../../../src/core/records/record';
import { verifyRecordText } from '../../../src/core/records/verify';
import { generateKeyPair, type KeyPair } from '../../../src/core/packs/keys';
import type { Core } from '../../../src/core/core';
import type { StudyRecord } from '../../../src/shared/contract/records';
import { honestParticipant } from './honest';

/** One real exported record (from a real core with real progress) to vary for other participants. */
export async function baseRecord() {
  const track: Core[] = [];
  const seeded = await honestParticipant(track);
  const file = await seeded.call('records.export', { format: 'json' });
  const v = verifyRecordText(file.content);
  if (!v.ok) throw new Error(v.detail);
  return { ...seeded, record: v.record, text: file.content };
}

/** A laptop of its own: a fresh installation key pair, as a real installation would make. */
export function laptop(): KeyPair & { id: string } {
  const keys = generateKeyPair();
  return { ...keys, id: installationIdFor(keys.publicKey) };
}

export interface Variation {
  profileId?: number;
  name?: string;
  unit?: string;
  exportedAt?: string;
  packId?: string;
  packVersion?: string;
}

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

/** Every time of the record moved by `ms`, as if the participant had studied that much earlier or later. */
function shifted<T>(value: T, ms: number): T {
  if (typeof value === 'string' && ISO.test(value)) return new Date(Date.parse(value) + ms).toISOString() as T;
  if (Array.isArray(value)) return value.map((v) => shifted(v, ms)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shifted(v, ms)])) as T;
  }
  return value;
}

/** The base record as another participant's signed file, signed by `machine`'s key. */
export function signedFile(base: StudyRecord, machine: KeyPair & { id: string }, v: Variation = {}): string {
  const moved = v.exportedAt ? shifted(base, Date.parse(v.exportedAt) - Date.parse(base.exportedAt)) : base;
  const record: StudyRecord = {
    ...moved,
    installation: { id: machine.id, publicKey: machine.publicKey },
    participant: {
      ...base.participant,
      profileId: v.profileId ?? base.participant.profileId,
      name: v.name ?? base.participant.name,
      unit: v.unit ?? base.participant.unit,
    },
    pack: { ...base.pack, id: v.packId ?? base.pack.id, version: v.packVersion ?? base.pack.version },
    exportedAt: v.exportedAt ?? base.exportedAt,
  };
  return signedRecordText(signRecord(record, machine.privateKeyPem));
}

/** Changes one signed value and keeps the old signature: what a hand edit of the file does. */
export function tampered(text: string): string {
  const env = JSON.parse(text) as { record: StudyRecord; signature: string };
  env.record.sessions[1]!.quiz.passed = true;
  return canonicalJson(env);
}
