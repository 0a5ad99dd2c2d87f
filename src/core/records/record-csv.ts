import type { Language } from '../../shared/contract/app';
import type { StudyRecord } from '../../shared/contract/records';
import { creditHours, scorePercent, wholeMinutes } from '../../shared/records';
import { toCsv, type Cell } from './csv';
import { fileWords, labels } from './labels';

/**
 * One row per session of the signed record, header in the UI language, and a total line. Numbers
 * are numbers: percentages are whole numbers rounded as on screen (scorePercent), and a quiz
 * submitted with no correct answer is 0. "Best score" is empty only when no quiz was ever
 * submitted (attempts 0); "Completed at" is empty until the session is complete. Reading and
 * watching minutes and credit hours are the record's ledger, the numbers of the 学时 ledger on
 * "My progress". Titles are the record's, in the language it was exported in. Times are ISO 8601
 * UTC, as stored.
 */
export function recordCsv(record: StudyRecord, language: Language): string {
  const l = labels(language);
  const p = record.participant;
  const ledger = new Map((record.ledger?.sessions ?? []).map((s) => [s.id, s]));
  const who = [p.name, p.unit, p.venue || null, record.pack.title, record.pack.version];
  const rows: Cell[][] = record.sessions.map((s) => {
    const l2 = ledger.get(s.id);
    return [
      ...who,
      s.ord,
      s.title,
      l.status[s.status],
      scorePercent(s.reading.fraction),
      wholeMinutes(l2?.readingSeconds ?? s.reading.seconds),
      wholeMinutes(l2?.watchingSeconds ?? 0),
      s.keyPoints.reviewed,
      s.keyPoints.total,
      s.quiz.attempts,
      s.quiz.bestScore === null ? null : scorePercent(s.quiz.bestScore),
      s.quiz.passed ? l.yes : l.no,
      s.completedAt,
      creditHours(l2?.credit ?? 0),
      record.exportedAt,
    ];
  });
  const sum = (f: (s: { readingSeconds: number; watchingSeconds: number }) => number) =>
    wholeMinutes((record.ledger?.sessions ?? []).reduce((n, s) => n + f(s), 0));
  const total: Cell[] = [
    ...who,
    null,
    fileWords(language).recordTotal,
    null,
    null,
    sum((s) => s.readingSeconds),
    sum((s) => s.watchingSeconds),
    null,
    null,
    null,
    null,
    null,
    record.overall.completedAt,
    creditHours(record.ledger?.totalCredit ?? 0),
    record.exportedAt,
  ];
  return toCsv([l.record, ...rows, total]);
}
