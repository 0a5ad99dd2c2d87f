import { installationIdFor } from '../../../src/core/records/identity';
import type { RecordSession, StudyRecord } from '../../../src/shared/contract/records';

/** A made-up signed-record body (not signed): for the pure functions that read a record. */
export const PUBLIC_KEY = 'test-public-key';
export const INSTALLATION = installationIdFor(PUBLIC_KEY);

export function session(id: string, ord: number, over: Partial<RecordSession> = {}): RecordSession {
  return {
    id,
    ord,
    title: `Session ${ord}`,
    status: 'not-started',
    reading: { fraction: 0, reachedEnd: false, seconds: 0 },
    keyPoints: { reviewed: 0, total: 3 },
    quiz: { questions: 5, passMark: 0.8, attempts: 0, bestScore: null, latestScore: null, passed: false },
    completedAt: null,
    fraction: 0,
    ...over,
  };
}

export function record(over: Partial<StudyRecord> = {}): StudyRecord {
  return {
    format: 'study-record',
    version: 2,
    installation: { id: INSTALLATION, publicKey: PUBLIC_KEY },
    participant: { profileId: 7, name: '张三', unit: '省委组织部', venue: '' },
    pack: { id: 'p/k', version: '2.0.0', title: 'Own title' },
    exportedAt: '2025-03-09T00:00:00.000Z',
    sessions: [
      session('s1', 1, {
        completedAt: '2025-03-02T10:00:00.000Z',
        reading: { fraction: 1, reachedEnd: true, seconds: 90 },
      }),
      session('s2', 2, {
        completedAt: '2025-03-03T10:00:00+08:00',
        reading: { fraction: 1, reachedEnd: true, seconds: 30 },
      }),
      session('s3', 3),
    ],
    overall: { completed: 2, total: 3, fraction: 2 / 3, completedAt: null },
    evidence: { profileCreatedAt: '2025-03-01T00:00:00.000Z', profileChanges: [], sessions: [] },
    ledger: {
      sessions: [
        { id: 's1', readingSeconds: 600, watchingSeconds: 61, credit: 1.5 },
        { id: 's3', readingSeconds: 5, watchingSeconds: 0, credit: 0 },
      ],
      totalCredit: 2.25,
    },
    ...over,
  };
}
