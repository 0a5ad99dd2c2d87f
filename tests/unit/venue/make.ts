import { canonicalJson } from '../../../src/core/records/canonical';
import { installationIdFor } from '../../../src/core/records/identity';
import { signedRecordText, signRecord } from '../../../src/core/records/record';
import { verifyRecordText } from '../../../src/core/records/verify';
import { generateKeyPair, type KeyPair } from '../../../src/core/packs/keys';
import type { StudyRecord } from '../../../src/shared/contract/records';
import { seededCore } from '../records/seed';

/** One real exported record (from a real core with real progress) to vary for other participants. */
export async function baseRecord() {
  const seeded = await seededCore();
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
  passedS1?: boolean;
}

/** The base record as another participant's signed file, signed by `machine`'s key. */
export function signedFile(base: StudyRecord, machine: KeyPair & { id: string }, v: Variation = {}): string {
  const record: StudyRecord = {
    ...base,
    installation: { id: machine.id, publicKey: machine.publicKey },
    participant: {
      ...base.participant,
      profileId: v.profileId ?? base.participant.profileId,
      name: v.name ?? base.participant.name,
      unit: v.unit ?? base.participant.unit,
    },
    pack: { ...base.pack, id: v.packId ?? base.pack.id, version: v.packVersion ?? base.pack.version },
    exportedAt: v.exportedAt ?? base.exportedAt,
    sessions: base.sessions.map((s, i) =>
      i === 0 && v.passedS1 !== undefined ? { ...s, quiz: { ...s.quiz, passed: v.passedS1 } } : s,
    ),
  };
  return signedRecordText(signRecord(record, machine.privateKeyPem));
}

/** Changes one signed value and keeps the old signature: what a hand edit of the file does. */
export function tampered(text: string): string {
  const env = JSON.parse(text) as { record: StudyRecord; signature: string };
  env.record.sessions[1]!.quiz.passed = true;
  return canonicalJson(env);
}
