import type { SessionRules } from '../../../src/core/study/rules';
import type { VenuePack } from '../../../src/core/venue/rederive';
import type { EvidenceAttempt, EvidenceSession, StudyRecord } from '../../../src/shared/contract/records';
import type { Question } from '../../../src/shared/pack/schema';

/**
 * Small records and a small venue pack written by hand, for the venue's rules one at a time (the
 * whole-app path, a real export read by the venue, is in evidence.test.ts and credit.test.ts).
 */

export const T0 = Date.parse('2026-11-20T00:00:00.000Z');
/** The laptop's time `min` minutes after the profile was made. */
export const at = (min: number) => new Date(T0 + min * 60_000).toISOString();
export const EXPORT_MIN = 600;
export const VERSION = '1.0.0';

const tf = (id: string): Question => ({
  id,
  type: 'truefalse',
  prompt: 'p',
  explanation: 'e',
  source: 's',
  answer: true,
});

export interface PackOptions {
  rules?: Record<string, SessionRules>;
  passMarks?: [number, number];
  /** A third session s3 (key point k4; question q5). */
  third?: boolean;
}

/** Two sessions: s1 (key points k1, k2; questions q1, q2), s2 (k3; q3, q4). */
export function pack(o: PackOptions = {}): VenuePack {
  const [m1, m2] = o.passMarks ?? [0.5, 0.5];
  const questions = new Map<string, { question: Question; sessionId: string }>([
    ['q1', { question: tf('q1'), sessionId: 's1' }],
    ['q2', { question: tf('q2'), sessionId: 's1' }],
    ['q3', { question: tf('q3'), sessionId: 's2' }],
    ['q4', { question: tf('q4'), sessionId: 's2' }],
    ['q5', { question: tf('q5'), sessionId: 's3' }],
  ]);
  return {
    id: 'course',
    version: VERSION,
    title: 'Course',
    sessions: [
      { id: 's1', ord: 1, title: 'One', passMark: m1, keyPoints: ['k1', 'k2'] },
      { id: 's2', ord: 2, title: 'Two', passMark: m2, keyPoints: ['k3'] },
      ...(o.third ? [{ id: 's3', ord: 3, title: 'Three', passMark: 0.5, keyPoints: ['k4'] }] : []),
    ],
    questions,
    rules: {
      sessions: new Map(Object.entries(o.rules ?? {})),
      course: { sessions: ['s1', 's2'], minimumCredit: 0 },
      grantsCredit: false,
    },
  };
}

export const QUESTIONS: Record<string, string[]> = { s1: ['q1', 'q2'], s2: ['q3', 'q4'], s3: ['q5'] };

/** An attempt answering each asked question right (true) or wrong (false), from minute `start` to `end`. */
export function attempt(
  right: Record<string, boolean>,
  start: number,
  end: number,
  o: Partial<EvidenceAttempt> = {},
  passMark = 0.5,
): EvidenceAttempt {
  const asked = Object.keys(right);
  const score = asked.filter((q) => right[q]).length;
  return {
    packVersion: VERSION,
    startedAt: at(start),
    submittedAt: at(end),
    passMark,
    asked,
    score,
    total: asked.length,
    passed: asked.length > 0 && score >= passMark * asked.length,
    answers: asked.map((q) => ({
      questionId: q,
      response: { type: 'truefalse', value: right[q] },
      answeredAt: at(end),
    })),
    ...o,
  };
}

export const blank = (id: string, o: Partial<EvidenceSession> = {}): EvidenceSession => ({
  id,
  reading: { seconds: 0, maxPosition: 0, reachedEndAt: null, updatedAt: null },
  media: [],
  keyPoints: [],
  attempts: [],
  completedAt: null,
  ...o,
});

/** A session read, every key point reviewed and its quiz passed between minutes `m` and `m + 4`; completed at `m + 5`. */
export function done(id: string, m: number, o: Partial<EvidenceSession> = {}): EvidenceSession {
  const kps = { s1: ['k1', 'k2'], s2: ['k3'], s3: ['k4'] }[id]!;
  const right = Object.fromEntries(QUESTIONS[id]!.map((q) => [q, true]));
  return {
    id,
    reading: { seconds: 60, maxPosition: 1, reachedEndAt: at(m + 1), updatedAt: at(m + 1) },
    media: [],
    keyPoints: kps.map((k) => ({ id: k, reviewedAt: at(m + 2) })),
    attempts: [attempt(right, m + 3, m + 4)],
    completedAt: at(m + 5),
    ...o,
  };
}

export function record(sessions: EvidenceSession[], o: Partial<StudyRecord> = {}): StudyRecord {
  return {
    format: 'study-record',
    version: 2,
    installation: { id: '00000000-0000-4000-8000-000000000000', publicKey: 'k' },
    participant: { profileId: 1, name: 'n', unit: 'u', venue: 'v' },
    pack: { id: 'course', version: VERSION, title: 'Course' },
    exportedAt: at(EXPORT_MIN),
    sessions: [],
    overall: { completed: 0, total: 2, fraction: 0, completedAt: null },
    evidence: { profileCreatedAt: at(0), profileChanges: [], sessions },
    ...o,
  };
}
