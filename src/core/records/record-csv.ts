import type { Language } from '../../shared/contract/app';
import type { StudyRecord } from '../../shared/contract/records';
import { scorePercent } from '../../shared/records';
import { toCsv, type Cell } from './csv';
import { labels } from './labels';

/**
 * One row per session of the signed record, header in the UI language. Numbers are numbers:
 * percentages are whole numbers rounded as on screen (scorePercent), and a quiz submitted with no
 * correct answer is 0. "Best score" is empty only when no quiz was ever submitted (attempts 0);
 * "Completed at" is empty until the session is complete. Times are ISO 8601 UTC, as stored.
 */
export function recordCsv(record: StudyRecord, language: Language): string {
  const l = labels(language);
  const p = record.participant;
  const rows: Cell[][] = record.sessions.map((s) => [
    p.name,
    p.unit,
    p.venue || null,
    record.pack.title,
    record.pack.version,
    s.ord,
    s.title,
    l.status[s.status],
    scorePercent(s.reading.fraction),
    s.reading.seconds,
    s.keyPoints.reviewed,
    s.keyPoints.total,
    s.quiz.attempts,
    s.quiz.bestScore === null ? null : scorePercent(s.quiz.bestScore),
    s.quiz.passed ? l.yes : l.no,
    s.completedAt,
    record.exportedAt,
  ]);
  return toCsv([l.record, ...rows]);
}
