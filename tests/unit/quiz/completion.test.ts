import { describe, expect, it } from 'vitest';
import { answerAll, participant, studySession } from './support';

const status = async (p: Awaited<ReturnType<typeof participant>>, id: string) =>
  (await p.call('course.overview', {})).sessions.find((s) => s.id === id)!;

describe('session completion through the quiz', () => {
  it('passing the quiz alone does not complete a session', async () => {
    const p = await participant();
    const a = await p.call('quiz.start', { sessionId: 's1' });
    await answerAll(p, a, () => true);
    const review = await p.call('quiz.submit', { attemptId: a.attemptId });
    expect(review).toMatchObject({ passed: true, completedSession: false });
    expect((await status(p, 's1')).completedAt).toBeNull();
    expect((await status(p, 's1')).quiz).toMatchObject({ passed: true, bestScore: 1, attempts: 1 });
  });

  it('reading and key points without a pass do not complete it; the passing submit does', async () => {
    const p = await participant();
    await studySession(p, 's2');
    const failed = await p.call('quiz.start', { sessionId: 's2' });
    await answerAll(p, failed, (_, i) => i < 2);
    expect(await p.call('quiz.submit', { attemptId: failed.attemptId })).toMatchObject({
      passed: false,
      completedSession: false,
    });
    expect((await status(p, 's2')).status).toBe('in-progress');

    const passing = await p.call('quiz.start', { sessionId: 's2' });
    await answerAll(p, passing, () => true);
    expect(await p.call('quiz.submit', { attemptId: passing.attemptId })).toMatchObject({
      passed: true,
      completedSession: true,
    });
    const s2 = await status(p, 's2');
    expect(s2.status).toBe('complete');
    expect(s2.completedAt).not.toBeNull();
  });

  it('a passed quiz completes the session later, when the last key point is reviewed', async () => {
    const p = await participant();
    await p.call('reading.save', { sessionId: 's3', position: 1, reachedEnd: true });
    const a = await p.call('quiz.start', { sessionId: 's3' });
    await answerAll(p, a, () => true);
    await p.call('quiz.submit', { attemptId: a.attemptId });
    expect((await status(p, 's3')).completedAt).toBeNull();
    await studySession(p, 's3');
    expect((await status(p, 's3')).status).toBe('complete');
  });

  it('practice never counts for passing or completion', async () => {
    const p = await participant();
    await studySession(p, 's4');
    const quiz = await p.call('quiz.start', { sessionId: 's4' });
    await answerAll(p, quiz, () => false);
    await p.call('quiz.submit', { attemptId: quiz.attemptId });
    const practice = await p.call('quiz.start', { sessionId: 's4', mode: 'practice' });
    await answerAll(p, practice, () => true);
    const review = await p.call('quiz.submit', { attemptId: practice.attemptId });
    expect(review).toMatchObject({ mode: 'practice', passed: null, completedSession: false });
    expect(review.score).toBe(review.total);
    const s4 = await status(p, 's4');
    expect(s4.quiz).toMatchObject({ passed: false, attempts: 1, bestScore: 0 });
    expect(s4.completedAt).toBeNull();
  });
});
