import type Database from 'better-sqlite3';
import type { Certificate } from '../../shared/contract/certificate';
import type { Language } from '../../shared/languages';
import { ledger } from '../study/ledger';
import { packRules } from '../study/pack-rules';
import { overview } from '../study/session';
import { courseCompletedAt } from './course';
import { gatherEvidence } from './evidence';
import { recordNumber, verificationCode } from './verification';

/**
 * The participant's certificate of completion, or null while the pack's course rule is not met
 * (courseCompletedAt, the same test the xAPI course statement uses). Made from the
 * ledger (the numbers "My progress", the record and its exports show) and numbered like the signed
 * record, so the venue that holds the record file can check a printed certificate against it.
 */
export function certificate(
  db: Database.Database,
  who: { installationId: string; profileId: number; packId: string },
  language: Language,
): Certificate | null {
  const { profileId, packId } = who;
  const rules = packRules(db, packId);
  const l = ledger(db, profileId, packId, language);
  const issuedAt = courseCompletedAt(rules, l);
  if (issuedAt === null) return null;
  const named = new Set(rules.course.sessions);
  const sessions = l.sessions
    .filter((s) => named.has(s.id))
    .map((s) => ({ id: s.id, ord: s.ord, title: s.title, completedAt: s.completedAt! }));
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
    issuedAt,
  };
}
