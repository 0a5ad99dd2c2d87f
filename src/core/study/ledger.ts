import type Database from 'better-sqlite3';
import type { Ledger } from '../../shared/contract/watch';
import { packRules } from './pack-rules';
import { creditOf, mediaSeconds } from './rules';
import { wording, wordedProgress } from './session';
import { studyDays } from './study-days';

/**
 * The 学时 ledger: per session the minutes read and watched, the credit earned and the rule that
 * granted it. Built on sessionProgress (the same rows home and "My progress" show), so the ledger,
 * the record and its exports cannot disagree about what is complete.
 */
export function ledger(db: Database.Database, profileId: number, packId: string, language?: string): Ledger {
  const rules = packRules(db, packId);
  const sessions = wordedProgress(db, profileId, packId, wording(db, packId, language)).map((p) => {
    const r = rules.sessions.get(p.id);
    const complete = p.status === 'complete';
    const credit = r ? creditOf(r, complete, p.quiz.passed) : { hours: 0, basis: { kind: 'none' as const } };
    return {
      id: p.id,
      ord: p.ord,
      title: p.title,
      readingSeconds: p.reading.seconds,
      watchingSeconds: p.watching.seconds,
      watchedSeconds: p.watching.coveredSeconds,
      mediaSeconds: r ? mediaSeconds(r) : 0,
      complete,
      completedAt: p.completedAt,
      credit: credit.hours,
      basis: credit.basis,
    };
  });
  return {
    packId,
    sessions,
    totalCredit: sessions.reduce((a, s) => a + s.credit, 0),
    totalSeconds: sessions.reduce((a, s) => a + s.readingSeconds + s.watchingSeconds, 0),
    grantsCredit: rules.grantsCredit,
    days: studyDays(db, profileId, packId),
  };
}
