import { describe, expect, it } from 'vitest';
import { EvidenceProblem, rederive } from '../../../src/core/venue/rederive';
import { FORMAT_1_RULE, type SessionRules } from '../../../src/core/study/rules';
import type { EvidenceSession, RecordSession, StudyRecord } from '../../../src/shared/contract/records';
import { at, attempt, blank, done, EXPORT_MIN, pack, record, T0, VERSION } from './small-record';

/**
 * The venue's re-derivation rule by rule, on small records (small-record.ts): each test changes
 * one thing a rule looks at (mutation testing showed which ones no test reached; docs/testing.md).
 */

/** The summary row an honest app writes for what `rederive` derives from `s` (same pack). */
function summary(s: EvidenceSession, p = pack()): RecordSession {
  const cell = rederive(record([s]), p).cells.find((_, i) => p.sessions[i]!.id === s.id)!;
  const kps = new Set(s.keyPoints.map((k) => k.id));
  return {
    id: s.id,
    ord: 1,
    title: 't',
    status: cell.status,
    reading: { fraction: 1, reachedEnd: s.reading.reachedEndAt !== null, seconds: s.reading.seconds },
    keyPoints: { reviewed: kps.size, total: kps.size },
    quiz: {
      questions: 2,
      passMark: 0.5,
      attempts: s.attempts.length,
      bestScore: cell.bestScore,
      latestScore: null,
      passed: cell.passed,
    },
    completedAt: s.completedAt,
    fraction: 1,
  };
}

/** The EvidenceProblem `f` throws (fails the test when it throws none). */
function problem(f: () => unknown): EvidenceProblem {
  try {
    f();
  } catch (e) {
    if (e instanceof EvidenceProblem) return e;
    throw e;
  }
  throw new Error('no EvidenceProblem');
}

const refusal = (r: StudyRecord, p = pack()) => {
  const e = problem(() => rederive(r, p));
  return { reason: e.reason, values: e.values };
};

describe('rederive: times', () => {
  it('accepts times exactly at the profile creation and exactly at the export', () => {
    const s = done('s1', 0, {
      reading: { seconds: 0, maxPosition: 1, reachedEndAt: at(0), updatedAt: at(EXPORT_MIN) },
      completedAt: at(EXPORT_MIN),
    });
    const d = rederive(record([s]), pack());
    expect(d.cells[0]).toMatchObject({ status: 'complete', completedAt: at(EXPORT_MIN) });
  });

  it('accepts a profile made at the moment of the export (no study at all)', () => {
    const d = rederive(record([], { exportedAt: at(0) }), pack());
    expect(d.cells).toEqual([null, null]);
  });

  it.each([
    ['not a time', 'yesterday'],
    ['after the export', at(EXPORT_MIN + 1)],
  ])('refuses a profile creation time that is %s', (_, t) => {
    const r = record([]);
    r.evidence.profileCreatedAt = t;
    expect(refusal(r)).toEqual({
      reason: 'venue.evidence.badTime',
      values: { session: '-', what: 'profileCreated', time: t },
    });
  });

  const place: [string, (s: EvidenceSession, t: string) => void][] = [
    ['reading', (s, t) => (s.reading.updatedAt = t)],
    ['readToEnd', (s, t) => (s.reading.reachedEndAt = t)],
    ['keyPointReviewed', (s, t) => (s.keyPoints[1]!.reviewedAt = t)],
    ['quizStarted', (s, t) => (s.attempts[0]!.startedAt = t)],
    ['quizSubmitted', (s, t) => (s.attempts[0]!.submittedAt = t)],
    ['answer', (s, t) => (s.attempts[0]!.answers[1]!.answeredAt = t)],
    ['completed', (s, t) => (s.completedAt = t)],
  ];

  it.each(place)('names %s when its time is not a time', (what, set) => {
    const s = done('s2', 10);
    s.keyPoints.push({ id: 'k3', reviewedAt: at(12) });
    set(s, 'soon');
    expect(refusal(record([s]))).toEqual({
      reason: 'venue.evidence.badTime',
      values: { session: 's2', what, time: 'soon' },
    });
  });

  it.each(place)('names %s when its time is after the export or before the profile', (what, set) => {
    const after = done('s2', 10);
    after.keyPoints.push({ id: 'k3', reviewedAt: at(12) });
    set(after, at(EXPORT_MIN + 1));
    expect(refusal(record([after]))).toEqual({
      reason: 'venue.evidence.afterExport',
      values: { session: 's2', what, time: at(EXPORT_MIN + 1) },
    });
    const before = done('s2', 10);
    before.keyPoints.push({ id: 'k3', reviewedAt: at(12) });
    set(before, at(-1));
    expect(refusal(record([before]))).toEqual({
      reason: 'venue.evidence.beforeProfile',
      values: { session: 's2', what, time: at(-1) },
    });
  });

  it('refuses a quiz submitted before it started, and accepts one submitted the same moment', () => {
    const s = done('s1', 0);
    s.attempts = [attempt({ q1: true, q2: true }, 5, 4)];
    s.attempts[0]!.answers.forEach((a) => (a.answeredAt = at(5)));
    expect(refusal(record([s]))).toEqual({
      reason: 'venue.evidence.submittedBeforeStart',
      values: { session: 's1', started: at(5), submitted: at(4) },
    });
    s.attempts = [attempt({ q1: true, q2: true }, 4, 4)];
    expect(rederive(record([s]), pack()).cells[0]!.passed).toBe(true);
  });

  it('accepts answers at the very start and end of their attempt, refuses one before or after it', () => {
    const s = done('s1', 0);
    const a = s.attempts[0]!;
    a.answers[0]!.answeredAt = a.startedAt;
    a.answers[1]!.answeredAt = a.submittedAt;
    expect(rederive(record([s]), pack()).cells[0]!.passed).toBe(true);
    for (const t of [at(2), at(5)]) {
      const moved = structuredClone(s);
      moved.attempts[0]!.answers[1]!.answeredAt = t;
      expect(refusal(record([moved]))).toEqual({
        reason: 'venue.evidence.answerOutsideAttempt',
        values: { session: 's1', question: 'q2', time: t },
      });
    }
  });

  it('counts study time up to the span and refuses more, in hours', () => {
    // 600 minutes of span: reading 599 min + a 1-minute quiz fits exactly.
    const s = done('s1', 0);
    s.reading.seconds = 599 * 60;
    expect(rederive(record([s]), pack()).studySeconds).toBe(600 * 60);
    s.reading.seconds = 599 * 60 + 1;
    s.media = [{ id: 'media/x.mp4', seconds: 3 * 3600 }];
    expect(refusal(record([s]))).toEqual({
      reason: 'venue.evidence.timeExceedsSpan',
      values: { hours: 13, span: 10 },
    });
  });

  it('adds reading, watching and quiz time, rounded to the second', () => {
    const s = done('s1', 0, {
      media: [
        { id: 'a', seconds: 7 },
        { id: 'b', seconds: 5 },
      ],
    });
    s.attempts.push({
      ...attempt({ q1: true, q2: false }, 6, 6),
      submittedAt: new Date(T0 + 6 * 60_000 + 1400).toISOString(),
    });
    s.attempts[1]!.answers.forEach((x) => (x.answeredAt = at(6)));
    // 60 reading + 12 watching + 60 + 1.4 quiz
    expect(rederive(record([s]), pack()).studySeconds).toBe(133);
  });
});

describe('rederive: quiz attempts graded again', () => {
  it('refuses a question the pack version does not have in that session, naming it', () => {
    const s = done('s1', 0);
    s.attempts = [attempt({ q1: true, q3: true }, 3, 4)];
    expect(refusal(record([s]))).toEqual({
      reason: 'venue.evidence.unknownQuestion',
      values: { session: 's1', question: 'q3', version: VERSION },
    });
    s.attempts = [attempt({ zz: true, q1: true }, 3, 4)];
    expect(refusal(record([s])).values.question).toBe('zz');
  });

  it('refuses an answer to a question the attempt did not ask', () => {
    const s = done('s1', 0);
    s.attempts[0]!.answers.push({ questionId: 'q3', response: { type: 'truefalse', value: true }, answeredAt: at(4) });
    expect(refusal(record([s]))).toEqual({
      reason: 'venue.evidence.answerNotAsked',
      values: { session: 's1', question: 'q3' },
    });
  });

  it('refuses a claimed score or total its answers do not give', () => {
    const s = done('s1', 0);
    s.attempts[0]!.score = 1;
    expect(refusal(record([s]))).toEqual({
      reason: 'venue.evidence.scoreMismatch',
      values: { session: 's1', claimed: '1/2', derived: '2/2' },
    });
    s.attempts[0]!.score = 2;
    s.attempts[0]!.total = 3;
    expect(refusal(record([s])).values).toMatchObject({ claimed: '2/3', derived: '2/2' });
  });

  it('does not score a response of the wrong shape', () => {
    const s = done('s1', 0);
    s.attempts[0]!.answers[1]!.response = { type: 'truefalse', value: 'yes' };
    expect(refusal(record([s])).values).toMatchObject({ claimed: '2/2', derived: '1/2' });
  });

  it('refuses a pass that does not follow from the score, with the pass mark of its own session', () => {
    const s = done('s1', 0);
    s.attempts[0]!.passed = false;
    expect(refusal(record([s]))).toEqual({
      reason: 'venue.evidence.passMismatch',
      values: { session: 's1', score: '2/2' },
    });
    // s2's pass mark is 1: half right is a fail there, though s1's 0.5 would pass it.
    const half = blank('s2', { attempts: [attempt({ q3: true, q4: false }, 3, 4, {}, 1)] });
    expect(half.attempts[0]!.passed).toBe(false);
    expect(rederive(record([half]), pack({ passMarks: [0.5, 1] })).cells[1]).toMatchObject({
      passed: false,
      bestScore: 0.5,
    });
    half.attempts[0]!.passed = true;
    expect(refusal(record([half]), pack({ passMarks: [0.5, 1] })).reason).toBe('venue.evidence.passMismatch');
  });

  it('grades an attempt of another pack version on the questions both share: a pass can be lost, not gained', () => {
    // The old version asked q1 and a question this version no longer has; both answered right.
    const s = blank('s1', {
      attempts: [attempt({ q1: true, gone: true }, 3, 4, { packVersion: '0.9.0' }, 0.75)],
    });
    const cell = rederive(record([s]), pack({ passMarks: [0.75, 0.5] })).cells[0]!;
    expect(cell).toMatchObject({ passed: false, bestScore: 0.5, attempts: 1 });
  });

  it("does not score another session's question an attempt of another version asked", () => {
    const s = blank('s1', {
      attempts: [attempt({ q1: true, q3: true }, 3, 4, { packVersion: '0.9.0' }, 0.75)],
    });
    expect(rederive(record([s]), pack({ passMarks: [0.75, 0.5] })).cells[0]).toMatchObject({
      passed: false,
      bestScore: 0.5,
    });
  });

  it('holds an attempt of another version whose questions are all known to its claimed total', () => {
    const s = blank('s1', { attempts: [attempt({ q1: true, q2: true }, 3, 4, { packVersion: '0.9.0', total: 3 })] });
    expect(refusal(record([s]))).toEqual({
      reason: 'venue.evidence.scoreMismatch',
      values: { session: 's1', claimed: '2/3', derived: '2/2' },
    });
  });

  it('gives an attempt with no questions a score of 0, not a pass', () => {
    const s = blank('s1', { attempts: [attempt({}, 3, 4)] });
    expect(rederive(record([s]), pack()).cells[0]).toMatchObject({ passed: false, bestScore: 0, attempts: 1 });
  });

  it('keeps the best score of several attempts, and null without any', () => {
    const s = blank('s1', {
      attempts: [
        attempt({ q1: true, q2: false }, 3, 4),
        attempt({ q1: true, q2: true }, 5, 6),
        attempt({ q1: false, q2: false }, 7, 8),
      ],
    });
    expect(rederive(record([s]), pack()).cells[0]).toMatchObject({ bestScore: 1, attempts: 3, passed: true });
    expect(
      rederive(record([blank('s1', { reading: { ...s.reading, seconds: 5 } })]), pack()).cells[0]!.bestScore,
    ).toBeNull();
  });
});

describe('rederive: completion', () => {
  it('allows a completion at the moment of the first pass, refuses one before it', () => {
    // Two passes: completed after the first and before the second is still after a pass.
    const s = done('s1', 0, {
      attempts: [attempt({ q1: true, q2: true }, 3, 4), attempt({ q1: true, q2: true }, 6, 8)],
      completedAt: at(4),
    });
    expect(rederive(record([s]), pack()).cells[0]!.status).toBe('complete');
    s.completedAt = at(5);
    expect(rederive(record([s]), pack()).cells[0]!.status).toBe('complete');
    s.completedAt = at(3);
    expect(refusal(record([s]))).toEqual({ reason: 'venue.evidence.completedBeforePass', values: { session: 's1' } });
  });

  it('dates the pass by the first passed attempt, not by an earlier failed one', () => {
    const s = done('s1', 0, {
      attempts: [attempt({ q1: false, q2: false }, 1, 2), attempt({ q1: true, q2: true }, 3, 4)],
      completedAt: at(3),
    });
    expect(refusal(record([s]))).toEqual({ reason: 'venue.evidence.completedBeforePass', values: { session: 's1' } });
  });

  it('names missing reading before a recording not watched', () => {
    const rule: SessionRules = { ...FORMAT_1_RULE, media: new Map([['a.mp4', 0.5]]), timed: new Map([['a.mp4', 10]]) };
    const s = done('s1', 0, { reading: { seconds: 60, maxPosition: 0.5, reachedEndAt: null, updatedAt: at(1) } });
    expect(refusal(record([s]), pack({ rules: { s1: rule } }))).toEqual({
      reason: 'venue.evidence.completedWithoutStudy',
      values: { session: 's1' },
    });
  });

  it('needs no pass before a completion when the rule has no quiz', () => {
    const noQuiz = { ...FORMAT_1_RULE, quiz: false };
    const s = done('s1', 0, { attempts: [] });
    const d = rederive(record([s]), pack({ rules: { s1: noQuiz } }));
    expect(d.cells[0]).toMatchObject({ status: 'complete', passed: false, completedAt: at(5) });
  });

  it('uses the format-1 rule for a session the pack gives none', () => {
    const s = done('s1', 0, { attempts: [] });
    expect(refusal(record([s]), pack({ rules: { s2: { ...FORMAT_1_RULE, quiz: false } } }))).toEqual({
      reason: 'venue.evidence.completedWithoutPass',
      values: { session: 's1' },
    });
  });

  it('names what a completion lacks: reading, key points', () => {
    const unread = done('s1', 0, { reading: { seconds: 60, maxPosition: 0.5, reachedEndAt: null, updatedAt: at(1) } });
    expect(refusal(record([unread]))).toEqual({
      reason: 'venue.evidence.completedWithoutStudy',
      values: { session: 's1' },
    });
    const kp = done('s1', 0);
    kp.keyPoints.pop();
    expect(refusal(record([kp]))).toEqual({
      reason: 'venue.evidence.completedWithoutStudy',
      values: { session: 's1' },
    });
  });

  it('names the recording not watched enough, with the seconds watched and required', () => {
    const rule: SessionRules = {
      ...FORMAT_1_RULE,
      media: new Map([
        ['a.mp4', 0.5],
        ['b.mp4', 0.9],
      ]),
      timed: new Map([
        ['a.mp4', 10],
        ['b.mp4', 10.01],
      ]),
    };
    const s = done('s1', 0, { media: [{ id: 'a.mp4', seconds: 5, intervals: [[0, 5]] }] });
    expect(refusal(record([s]), pack({ rules: { s1: rule } }))).toEqual({
      reason: 'venue.evidence.completedWithoutWatching',
      values: { session: 's1', path: 'b.mp4', watched: 0, required: 9.01 },
    });
    s.media.push({ id: 'b.mp4', seconds: 5, intervals: [[1, 3.333]] });
    expect(refusal(record([s]), pack({ rules: { s1: rule } })).values).toMatchObject({ watched: 2.33 });
  });

  it('names a recording of unknown length that was not played at all, requiring 0 s', () => {
    const rule: SessionRules = { ...FORMAT_1_RULE, media: new Map([['c.mp4', 0.9]]), timed: new Map() };
    const s = done('s1', 0);
    expect(refusal(record([s]), pack({ rules: { s1: rule } }))).toEqual({
      reason: 'venue.evidence.completedWithoutWatching',
      values: { session: 's1', path: 'c.mp4', watched: 0, required: 0 },
    });
  });

  it('does not count a completion of another pack version that this version does not support', () => {
    const s = done('s1', 0);
    s.keyPoints.pop();
    const d = rederive(record([s], { pack: { id: 'course', version: '0.9.0', title: 'Course' } }), pack());
    expect(d.cells[0]).toMatchObject({ status: 'in-progress', completedAt: null, passed: true });
    expect(d.overall.completed).toBe(0);
  });

  it('refuses a key point this version does not have, and ignores it in a record of another version', () => {
    const s = done('s1', 0);
    s.keyPoints.push({ id: 'old', reviewedAt: at(2) });
    expect(refusal(record([s]))).toEqual({
      reason: 'venue.evidence.unknownKeyPoint',
      values: { session: 's1', keyPoint: 'old', version: VERSION },
    });
    s.keyPoints = [
      { id: 'k1', reviewedAt: at(2) },
      { id: 'k1', reviewedAt: at(2) },
      { id: 'old', reviewedAt: at(2) },
    ];
    // k1 twice and an unknown one are one reviewed key point of two: not complete.
    const other = record([s], { pack: { id: 'course', version: '0.9.0', title: 'Course' } });
    expect(rederive(other, pack()).cells[0]!.status).toBe('in-progress');
    s.keyPoints.push({ id: 'k2', reviewedAt: at(2) });
    expect(rederive(other, pack()).cells[0]!.status).toBe('complete');
  });
});

describe('rederive: watching', () => {
  const rule = (duration: number): SessionRules => ({
    ...FORMAT_1_RULE,
    timed: new Map([['v.mp4', duration]]),
  });

  it('joins the intervals of a recording listed twice and clips them to its length', () => {
    const s = blank('s1', {
      media: [
        { id: 'v.mp4', seconds: 1, intervals: [[0, 2]] },
        { id: 'v.mp4', seconds: 1 },
        { id: 'v.mp4', seconds: 1, intervals: [[4, 20]] },
      ],
    });
    expect(rederive(record([s]), pack({ rules: { s1: rule(6.125) } })).cells[0]!.watchedSeconds).toBe(4.13);
  });

  it('bounds a recording of unknown length by a day, and gives nothing for one the pack does not have', () => {
    const s = blank('s1', {
      media: [
        { id: 'v.mp4', seconds: 1, intervals: [[0, 100]] },
        { id: 'elsewhere.mp4', seconds: 1, intervals: [[0, 50]] },
      ],
    });
    expect(rederive(record([s]), pack({ rules: { s1: rule(0) } })).cells[0]!.watchedSeconds).toBe(100);
    s.media[0]!.intervals = [[0, 100_000]];
    expect(rederive(record([s]), pack({ rules: { s1: rule(0) } })).cells[0]!.watchedSeconds).toBe(86_400);
  });
});

describe('rederive: the cells and the totals', () => {
  it.each<[string, Partial<EvidenceSession>]>([
    ['reading time', { reading: { seconds: 1, maxPosition: 0, reachedEndAt: null, updatedAt: null } }],
    ['a reading position', { reading: { seconds: 0, maxPosition: 0.1, reachedEndAt: null, updatedAt: null } }],
    ['a reviewed key point', { keyPoints: [{ id: 'k3', reviewedAt: at(1) }] }],
    ['an attempt', { attempts: [attempt({ q3: false, q4: false }, 1, 2)] }],
    ['watching time', { media: [{ id: 'm', seconds: 1 }] }],
  ])('counts a session with only %s as started', (_, o) => {
    expect(rederive(record([blank('s2', o)]), pack()).cells[1]!.status).toBe('in-progress');
  });

  it('leaves a session with nothing done not started, unless its summary says it is in progress', () => {
    const s = blank('s2', { keyPoints: [] });
    expect(rederive(record([s]), pack()).cells[1]).toEqual({
      status: 'not-started',
      passed: false,
      bestScore: null,
      attempts: 0,
      completedAt: null,
      credit: 0,
      watchedSeconds: 0,
    });
    const said = { ...summary(s), status: 'in-progress' as const };
    expect(rederive(record([s], { sessions: [said] }), pack()).cells[1]!.status).toBe('in-progress');
  });

  it('gives a null cell to a session the record lacks, and so the course is not completed', () => {
    const d = rederive(record([done('s1', 0)]), pack());
    expect(d.cells[1]).toBeNull();
    expect(d.overall).toEqual({ completed: 1, total: 2, completedAt: null });
  });

  it('dates the course by its latest session completion', () => {
    const d = rederive(record([done('s1', 20), done('s2', 0)]), pack());
    expect(d.overall).toEqual({ completed: 2, total: 2, completedAt: at(25) });
    const three = rederive(record([done('s1', 0), done('s2', 30), done('s3', 10)]), pack({ third: true }));
    expect(three.overall).toEqual({ completed: 3, total: 3, completedAt: at(35) });
  });

  it('refuses a summary row without evidence', () => {
    const r = record([done('s1', 0)]);
    r.sessions = [summary(done('s1', 0)), { ...summary(done('s1', 0)), id: 's9' }];
    expect(refusal(r)).toEqual({ reason: 'venue.evidence.missingEvidence', values: { session: 's9' } });
  });

  const s = done('s1', 0);
  it.each<[string, (c: RecordSession) => void, unknown, unknown]>([
    ['quiz.attempts', (c) => (c.quiz.attempts = 2), '2', '1'],
    ['reading.seconds', (c) => (c.reading.seconds = 61), '61', '60'],
    ['reading.reachedEnd', (c) => (c.reading.reachedEnd = false), 'false', 'true'],
    ['completedAt', (c) => (c.completedAt = null), 'null', at(5)],
    ['quiz.passed', (c) => (c.quiz.passed = false), 'false', 'true'],
    ['quiz.bestScore', (c) => (c.quiz.bestScore = 0.5), '0.5', '1'],
    ['keyPoints.reviewed', (c) => (c.keyPoints.reviewed = 1), '1', '2'],
    ['status', (c) => (c.status = 'in-progress'), 'in-progress', 'complete'],
  ])('refuses a summary whose %s disagrees with the evidence', (field, change, claimed, derived) => {
    const c = summary(s);
    expect(rederive(record([s], { sessions: [c] }), pack()).cells[0]!.status).toBe('complete');
    change(c);
    expect(refusal(record([s], { sessions: [c] }))).toEqual({
      reason: 'venue.evidence.summaryMismatch',
      values: { session: 's1', field, claimed, derived },
    });
  });

  it('says "not complete" for a summary that claims a completion the evidence does not give', () => {
    const open = blank('s1', { reading: { seconds: 5, maxPosition: 0.2, reachedEndAt: null, updatedAt: null } });
    const c = { ...summary(open), status: 'complete' as const };
    expect(refusal(record([open], { sessions: [c] })).values).toMatchObject({
      field: 'status',
      derived: 'not complete',
    });
  });

  it('accepts a best score that differs only by rounding, refuses a claimed null for a 0 score', () => {
    const zero = blank('s1', { attempts: [attempt({ q1: false, q2: false }, 3, 4)] });
    const c = summary(zero);
    expect(c.quiz.bestScore).toBe(0);
    expect(rederive(record([zero], { sessions: [c] }), pack()).cells[0]!.bestScore).toBe(0);
    c.quiz.bestScore = null;
    expect(refusal(record([zero], { sessions: [c] })).values).toMatchObject({ field: 'quiz.bestScore' });
    const none = blank('s1', { reading: { seconds: 5, maxPosition: 0.2, reachedEndAt: null, updatedAt: null } });
    const n = summary(none);
    n.quiz.bestScore = 0;
    expect(refusal(record([none], { sessions: [n] })).values).toMatchObject({
      field: 'quiz.bestScore',
      derived: 'null',
    });
    // Equal within 1e-9, not at it.
    c.quiz.bestScore = 1e-9;
    expect(refusal(record([zero], { sessions: [c] })).values).toMatchObject({ field: 'quiz.bestScore' });
    const third = blank('s1', { attempts: [attempt({ q1: true, q2: false }, 3, 4)] });
    const t = summary(third);
    t.quiz.bestScore = 0.5 + 1e-12;
    expect(rederive(record([third], { sessions: [t] }), pack()).cells[0]!.bestScore).toBe(0.5);
  });

  it('does not hold a record of another version to the summary fields that depend on the pack', () => {
    const c = summary(s);
    c.quiz.passed = false;
    c.quiz.bestScore = 0.1;
    c.keyPoints.reviewed = 9;
    c.status = 'in-progress';
    const other = { pack: { id: 'course', version: '0.9.0', title: 'Course' }, sessions: [c] };
    expect(rederive(record([s], other), pack()).cells[0]!.status).toBe('complete');
  });

  it("reports the record's own credit total only with a ledger and the same pack version", () => {
    const ledger = { sessions: [], totalCredit: 3.5 };
    expect(rederive(record([s], { ledger }), pack()).claimedCredit).toBe(3.5);
    expect(rederive(record([s]), pack()).claimedCredit).toBeNull();
    const other = { ledger, pack: { id: 'course', version: '0.9.0', title: 'Course' } };
    expect(rederive(record([s], other), pack()).claimedCredit).toBeNull();
  });

  it('earns credit under the pack rules: fixed hours for a complete session, bands with the quiz bonus', () => {
    const fixed: SessionRules = { ...FORMAT_1_RULE, credit: { kind: 'fixed', hours: 2 } };
    const bands: SessionRules = {
      ...FORMAT_1_RULE,
      credit: { kind: 'bands', quizBonus: 0.333 },
      timed: new Map([['v.mp4', 60]]),
    };
    const p = pack({ rules: { s1: bands, s2: fixed } });
    const d = rederive(record([done('s1', 0), done('s2', 10)]), p);
    expect(d.cells.map((c) => c!.credit)).toEqual([0.58, 2]);
    expect(d.credit).toBe(2.58);
    const open = rederive(record([done('s1', 0), done('s2', 10, { completedAt: null })]), p);
    expect(open.cells.map((c) => c!.credit)).toEqual([0.58, 0]);
  });
});
