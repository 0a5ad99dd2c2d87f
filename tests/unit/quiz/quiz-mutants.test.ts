import { describe, expect, it } from 'vitest';
import { grade, isBlank } from '../../../src/core/quiz/grade';
import { packQuestions } from '../../../src/core/quiz/questions';
import type { Question } from '../../../src/shared/pack/schema';
import type { QuizResponse } from '../../../src/shared/contract/quiz';
import { answerAll, answerKeyOf, participant, rightResponse, studySession } from './support';

/*
 * Rules that mutation testing (docs/testing.md) found no test would notice being changed: the
 * refusals' codes and reasons (the renderer words them from the reason), blank answers, the
 * options a response may name, and answers graded in the language they were given in.
 */

type Opened = Awaited<ReturnType<typeof participant>>;

async function refusal(p: Opened, name: string, input: unknown) {
  const reply = await p.dispatch(name, input);
  if (reply.ok) throw new Error(`${name} was accepted`);
  return { code: reply.error.code, ...(reply.error.detail as Record<string, unknown>) };
}

const firstOfType = <T extends Question['type']>(p: Opened, type: T, sessionId = 's1') =>
  [...answerKeyOf(p.core).values()].find((q) => q.type === type && q.id.startsWith(`${sessionId}-`)) as Extract<
    Question,
    { type: T }
  >;

describe('quiz refusals carry their code and reason', () => {
  it('for attempts, sessions and questions that do not exist', async () => {
    const p = await participant();
    expect(await refusal(p, 'quiz.review', { attemptId: 9999 })).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'quiz.attemptNotFound',
    });
    expect(await refusal(p, 'quiz.start', { sessionId: 'nope' })).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'study.sessionNotFound',
      sessionId: 'nope',
    });
    expect(await refusal(p, 'quiz.history', { sessionId: 'nope' })).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'study.sessionNotFound',
      sessionId: 'nope',
    });
    const a = await p.call('quiz.start', { sessionId: 's1' });
    const other = firstOfType(p, 'single', 's2');
    expect(
      await refusal(p, 'quiz.answer', { attemptId: a.attemptId, questionId: other.id, response: rightResponse(other) }),
    ).toMatchObject({ code: 'NOT_FOUND', reason: 'quiz.questionNotInAttempt' });
  });

  it('for practice with nothing to practise and a review before submitting', async () => {
    const p = await participant();
    expect(await refusal(p, 'quiz.start', { mode: 'practice' })).toMatchObject({
      code: 'CONFLICT',
      reason: 'quiz.nothingToPractise',
    });
    const a = await p.call('quiz.start', { sessionId: 's1' });
    expect(await refusal(p, 'quiz.review', { attemptId: a.attemptId })).toMatchObject({
      code: 'CONFLICT',
      reason: 'quiz.notSubmitted',
    });
  });

  it('for answering or submitting a submitted attempt', async () => {
    const p = await participant();
    const a = await p.call('quiz.start', { sessionId: 's1' });
    await p.call('quiz.submit', { attemptId: a.attemptId });
    const q = firstOfType(p, 'single');
    expect(await refusal(p, 'quiz.submit', { attemptId: a.attemptId })).toMatchObject({
      code: 'CONFLICT',
      reason: 'quiz.alreadySubmitted',
    });
    expect(
      await refusal(p, 'quiz.answer', { attemptId: a.attemptId, questionId: q.id, response: rightResponse(q) }),
    ).toMatchObject({ code: 'CONFLICT', reason: 'quiz.alreadySubmitted' });
  });

  it('for a response that does not fit its question', async () => {
    const p = await participant();
    const a = await p.call('quiz.start', { sessionId: 's1' });
    const multiple = firstOfType(p, 'multiple');
    const answer = (response: QuizResponse) =>
      p.dispatch('quiz.answer', { attemptId: a.attemptId, questionId: multiple.id, response });
    // Two real options, once each: accepted.
    expect((await answer({ type: 'multiple', options: multiple.options.slice(0, 2).map((o) => o.id) })).ok).toBe(true);
    for (const bad of [
      { type: 'multiple', options: [multiple.options[0]!.id, multiple.options[0]!.id] },
      { type: 'multiple', options: ['no-such-option'] },
      { type: 'single', option: multiple.options[0]!.id },
    ] as QuizResponse[]) {
      expect(
        await refusal(p, 'quiz.answer', { attemptId: a.attemptId, questionId: multiple.id, response: bad }),
      ).toMatchObject({ code: 'INVALID_INPUT', reason: 'quiz.invalidResponse', questionId: multiple.id });
    }
  });
});

describe('blank answers and missing responses', () => {
  it('grades a missing response wrong for every kind of question', async () => {
    const p = await participant();
    for (const type of ['single', 'multiple', 'truefalse', 'fill'] as const) {
      const q = [...answerKeyOf(p.core).values()].find((x) => x.type === type)!;
      expect(grade(q, null), type).toBe(false);
    }
  });

  it('clears the answer when nothing is ticked or only spaces are typed', async () => {
    const p = await participant();
    const a = await p.call('quiz.start', { sessionId: 's1' });
    const multiple = firstOfType(p, 'multiple');
    const fill = [...answerKeyOf(p.core).values()].find((q) => q.type === 'fill')!;
    const fillAttempt = fill.id.startsWith('s1-')
      ? a
      : await p.call('quiz.start', { sessionId: fill.id.split('-')[0]! });
    expect(isBlank({ type: 'multiple', options: [] })).toBe(true);
    expect(isBlank({ type: 'fill', text: '  ' })).toBe(true);
    expect(isBlank({ type: 'fill', text: ' x ' })).toBe(false);
    const saved = await p.call('quiz.answer', {
      attemptId: a.attemptId,
      questionId: multiple.id,
      response: { type: 'multiple', options: [] },
    });
    expect(saved.answered).toBe(0);
    const typed = await p.call('quiz.answer', {
      attemptId: fillAttempt.attemptId,
      questionId: fill.id,
      response: { type: 'fill', text: '   ' },
    });
    expect(typed.answered).toBe(0);
  });
});

describe('answers in the language they were given in', () => {
  it('resumes the open attempt in the language asked for, and grades each answer as it was shown', async () => {
    const p = await participant();
    const packId = p.core.library.resolve();
    const fillEn = [...packQuestions(p.core.db, packId, 'en').values()].find((q) => q.question.type === 'fill')!;
    const fillZh = packQuestions(p.core.db, packId, 'zh-CN').get(fillEn.question.id)!;
    const sessionId = fillEn.question.id.split('-')[0]!;
    const english = rightResponse(fillEn.question);
    // Only meaningful if the English answer is not also a Chinese one.
    expect(grade(fillZh.question, english)).toBe(false);

    const en = await p.call('quiz.start', { sessionId, language: 'en' });
    expect(en.language).toBe('en');
    await p.call('quiz.answer', { attemptId: en.attemptId, questionId: fillEn.question.id, response: english });
    const zh = await p.call('quiz.start', { sessionId, language: 'zh-CN' });
    expect(zh.attemptId).toBe(en.attemptId);
    expect(zh.language).toBe('zh-CN');
    const review = await p.call('quiz.submit', { attemptId: zh.attemptId });
    expect(review.language).toBe('zh-CN');
    expect(review.items.find((i) => i.id === fillEn.question.id)!.correct).toBe(true);
    expect(review.score).toBe(1);
  });
});

describe('what a submit completes', () => {
  it('a failed quiz or a practice run does not complete a session', async () => {
    const p = await participant();
    await studySession(p, 's1');
    const failed = await p.call('quiz.start', { sessionId: 's1' });
    await answerAll(p, failed, () => false);
    expect((await p.call('quiz.submit', { attemptId: failed.attemptId })).completedSession).toBe(false);
    const practice = await p.call('quiz.start', { sessionId: 's1', mode: 'practice' });
    await answerAll(p, practice, () => true);
    const review = await p.call('quiz.submit', { attemptId: practice.attemptId });
    expect(review.passed).toBeNull();
    expect(review.completedSession).toBe(false);
    const s1 = (await p.call('course.overview', {})).sessions.find((s) => s.id === 's1')!;
    expect(s1.status).not.toBe('complete');
  });
});
