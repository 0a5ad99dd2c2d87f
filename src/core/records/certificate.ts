import type Database from 'better-sqlite3';
import type { Certificate } from '../../shared/contract/certificate';
import type { Language } from '../../shared/languages';
import { ledger } from '../study/ledger';
import { packRules } from '../study/pack-rules';
import { overview } from '../study/session';
import { gatherEvidence } from './evidence';
import { recordNumber, verificationCode } from './verification';

/**
 * The participant's certificate of completion, or null while the pack's course rule is not met:
 * every session the course names complete and at least its minimum credit earned. Made from the
 * ledger (the numbers "My progress", the record and its exports show) and numbered like the signed
 * record, so the venue that holds the record file can check a printed certificate against it.
 */
export function certificate(
  db: Database.Database,
  who: { installationId: string; profileId: number; packId: string },
  language: Language,
): Certificate | null {
  const { profileId, packId } = who;
  const course = packRules(db, packId).course;
  const l = ledger(db, profileId, packId, language);
  const byId = new Map(l.sessions.map((s) => [s.id, s]));
  const needed = course.sessions.map((id) => byId.get(id));
  // A course naming a session the pack lacks cannot be met: the pack verifier should refuse it.
  if (needed.some((s) => !s?.complete || !s.completedAt)) return null;
  if (l.totalCredit + 1e-9 < course.minimumCredit) return null;
  const sessions = needed
    .map((s) => ({ id: s!.id, ord: s!.ord, title: s!.title, completedAt: s!.completedAt! }))
    .sort((a, b) => a.ord - b.ord);
  const person = db.prepare('SELECT name, unit, venue FROM profiles WHERE id = ?').get(profileId) as {
    name: string;
    unit: string;
    venue: string;
  };
  const pack = overview(db, profileId, packId, language).pack;
  return {
    number: recordNumber(who.installationId, profileId),
    verificationCode: verificationCode({ ...who, evidence: gatherEvidence(db, profileId, packId) }),
    ...person,
    course: { packId, version: pack.version, title: pack.title },
    sessions,
    credit: { hours: l.totalCredit, grants: l.grantsCredit },
    issuedAt: sessions
      .map((s) => s.completedAt)
      .sort()
      .at(-1)!,
  };
}
