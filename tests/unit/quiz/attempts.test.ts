import { describe, expect, it } from 'vitest';
import { grade } from '../../../src/core/quiz/grade';
import { tempDir } from '../support/temp';
import { answerAll, answerKeyOf, closeCore, errorCode, participant, rightResponse } from './support';

describe('quiz attempts', () => {
  it('asks the session questions without answers or explanations, options shuffled per attempt', async () => {
    const p = await participant();
    const a = await p.call('quiz.start', { sessionId: 's1', mode: 'quiz' });
    expect(a.resumed).toBe(false);
    expect(a.passMark).toBe(0.8);
    expect(a.questions.map((q) => q.id).sort()).toEqual([
      's1-q1',
      's1-q2',
      's1-q3',
      's1-q4',
      's1-q5',
      's1-q6',
      's1-q7',
    ]);
    for (const q of a.questions) {
      expect(Object.keys(q).sort()).toEqual(['id', 'options', 'prompt', 'sessionId', 'type']);
    }
    const layout = JSON.parse(
      (p.core.db.prepare('SELECT layout FROM attempts WHERE id = ?').get(a.attemptId) as { layout: string }).layout,
    ) as { questions: { id: string; options: string[] }[] };
    expect(layout.questions.map((q) => q.id)).toEqual(a.questions.map((q) => q.id));
    expect(layout.questions.map((q) => q.options)).toEqual(a.questions.map((q) => q.options.map((o) => o.id)));
  });

  it('each new attempt gets its own order', async () => {
    const p = await participant();
    const layouts = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const a = await p.call('quiz.start', { sessionId: 's6' });
      layouts.add(JSON.stringify(a.questions.map((q) => [q.id, q.options.map((o) => o.id)])));
      await p.call('quiz.submit', { attemptId: a.attemptId });
    }
    // 7 questions with shuffled options: two equal layouts by chance are vanishingly unlikely.
    expect(layouts.size).toBe(3);
  });

  it('a quiz shuffles the order of its questions too, not only their options', async () => {
    const p = await participant();
    const orders = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const a = await p.call('quiz.start', { sessionId: 's6' });
      orders.add(a.questions.map((q) => q.id).join());
      await p.call('quiz.submit', { attemptId: a.attemptId });
    }
    // 7 questions: five attempts in the same order by chance is (1/5040)^4.
    expect(orders.size).toBeGreaterThan(1);
  });

  it('history describes the session asked for, not the first one', async () => {
    const p = await participant();
    const s3 = (await p.call('course.overview', {})).sessions[2]!;
    const a = await p.call('quiz.start', { sessionId: 's3' });
    await p.call('quiz.submit', { attemptId: a.attemptId });
    const history = await p.call('quiz.history', { sessionId: 's3' });
    expect(history.session).toEqual({ id: 's3', ord: s3.ord, title: s3.title, questions: s3.quiz.questions });
    expect(history.attempts.map((h) => h.attemptId)).toEqual([a.attemptId]);
    expect((await p.call('quiz.history', { sessionId: 's1' })).attempts).toEqual([]);
  });

  it('an attempt interrupted by a restart resumes with its saved answers and the same order', async () => {
    const dataDir = tempDir();
    const first = await participant(dataDir);
    const a = await first.call('quiz.start', { sessionId: 's2' });
    const key = answerKeyOf(first.core);
    const [q1, q2] = a.questions;
    await first.call('quiz.answer', {
      attemptId: a.attemptId,
      questionId: q1!.id,
      response: rightResponse(key.get(q1!.id)!),
    });
    const saved = await first.call('quiz.answer', {
      attemptId: a.attemptId,
      questionId: q2!.id,
      response: rightResponse(key.get(q2!.id)!),
    });
    expect(saved).toMatchObject({ answered: 2, total: a.questions.length });
    closeCore(first.core);

    const again = await participant(dataDir);
    const b = await again.call('quiz.start', { sessionId: 's2', mode: 'quiz' });
    expect(b.resumed).toBe(true);
    expect(b.attemptId).toBe(a.attemptId);
    expect(b.questions).toEqual(a.questions);
    expect(b.responses).toEqual({
      [q1!.id]: rightResponse(key.get(q1!.id)!),
      [q2!.id]: rightResponse(key.get(q2!.id)!),
    });
  });

  it('a blank response clears a saved answer', async () => {
    const p = await participant();
    const a = await p.call('quiz.start', { sessionId: 's1' });
    const fill = a.questions.find((q) => q.type === 'fill')!;
    await p.call('quiz.answer', {
      attemptId: a.attemptId,
      questionId: fill.id,
      response: { type: 'fill', text: 'six' },
    });
    const cleared = await p.call('quiz.answer', {
      attemptId: a.attemptId,
      questionId: fill.id,
      response: { type: 'fill', text: '   ' },
    });
    expect(cleared.answered).toBe(0);
    expect((await p.call('quiz.start', { sessionId: 's1' })).responses).toEqual({});
  });

  it('submit scores every question, stores pass/fail and returns the review', async () => {
    const p = await participant();
    const a = await p.call('quiz.start', { sessionId: 's1' });
    // 7 questions, pass mark 0.8: 5 right is 71 %, a fail.
    await answerAll(p, a, (_, i) => i < 5);
    const review = await p.call('quiz.submit', { attemptId: a.attemptId });
    expect(review).toMatchObject({ score: 5, total: 7, passed: false, mode: 'quiz' });
    expect(review.items.map((i) => i.id)).toEqual(a.questions.map((q) => q.id));
    expect(review.items.filter((i) => i.correct)).toHaveLength(5);
    const item = review.items[0]!;
    expect(item.explanation).not.toBe('');
    expect(item.source.length).toBeGreaterThan(8);
    expect(item.response).not.toBeNull();
    // The review's answer key is the pack's right answer for every question.
    const key = answerKeyOf(p.core);
    for (const i of review.items) {
      const q = key.get(i.id)!;
      const expected =
        q.type === 'single'
          ? { type: 'single', option: q.answer[0] }
          : q.type === 'multiple'
            ? { type: 'multiple', options: q.answer }
            : q.type === 'truefalse'
              ? { type: 'truefalse', value: q.answer }
              : { type: 'fill', accepted: q.answer };
      expect(i.answer, i.id).toEqual(expected);
      expect(i.correct, i.id).toBe(grade(q, i.response));
    }

    const b = await p.call('quiz.start', { sessionId: 's1' });
    expect(b.attemptId).not.toBe(a.attemptId);
    expect(b.resumed).toBe(false);
    await answerAll(p, b, (_, i) => i !== 0); // 6 of 7 = 86 %
    expect(await p.call('quiz.submit', { attemptId: b.attemptId })).toMatchObject({ score: 6, passed: true });

    const history = await p.call('quiz.history', { sessionId: 's1' });
    expect(history.attempts.map((h) => [h.score, h.total, h.passed])).toEqual([
      [6, 7, true],
      [5, 7, false],
    ]);
    expect(history).toMatchObject({ best: 6 / 7, latest: 6 / 7, passed: true, passMark: 0.8, inProgress: null });
    expect(await p.call('quiz.review', { attemptId: a.attemptId })).toEqual({ ...review, completedSession: false });
  });

  it('unanswered questions count as wrong', async () => {
    const p = await participant();
    const a = await p.call('quiz.start', { sessionId: 's3' });
    const review = await p.call('quiz.submit', { attemptId: a.attemptId });
    expect(review).toMatchObject({ score: 0, total: a.questions.length, passed: false });
    expect(review.items.every((i) => i.response === null && !i.correct)).toBe(true);
  });

  it('a second submit and an answer after submitting are CONFLICT; review before submit too', async () => {
    const p = await participant();
    const a = await p.call('quiz.start', { sessionId: 's1' });
    expect(await errorCode(p.call('quiz.review', { attemptId: a.attemptId }))).toBe('CONFLICT');
    await p.call('quiz.submit', { attemptId: a.attemptId });
    expect(await errorCode(p.call('quiz.submit', { attemptId: a.attemptId }))).toBe('CONFLICT');
    const q = a.questions[0]!;
    const response = rightResponse(answerKeyOf(p.core).get(q.id)!);
    expect(await errorCode(p.call('quiz.answer', { attemptId: a.attemptId, questionId: q.id, response }))).toBe(
      'CONFLICT',
    );
  });

  it('invalid responses are INVALID_INPUT, whether the shape or the fit to the question is wrong', async () => {
    const p = await participant();
    const a = await p.call('quiz.start', { sessionId: 's1' });
    const byType = (t: string) => a.questions.find((q) => q.type === t)!.id;
    const answer = (questionId: string, response: unknown) =>
      errorCode(p.call('quiz.answer', { attemptId: a.attemptId, questionId, response }));
    expect(await answer(byType('single'), { type: 'single' })).toBe('INVALID_INPUT');
    expect(await answer(byType('single'), { type: 'single', option: 'a', extra: 1 })).toBe('INVALID_INPUT');
    expect(await answer(byType('truefalse'), { type: 'truefalse', value: 'yes' })).toBe('INVALID_INPUT');
    expect(await answer(byType('fill'), { type: 'fill', text: 'x'.repeat(201) })).toBe('INVALID_INPUT');
    expect(await answer(byType('single'), { type: 'truefalse', value: true })).toBe('INVALID_INPUT');
    expect(await answer(byType('single'), { type: 'single', option: 'zz' })).toBe('INVALID_INPUT');
    expect(await answer(byType('multiple'), { type: 'multiple', options: ['a', 'a'] })).toBe('INVALID_INPUT');
    expect(await answer('s2-q1', { type: 'single', option: 'a' })).toBe('NOT_FOUND');
    expect(await errorCode(p.call('quiz.start', { mode: 'quiz' }))).toBe('INVALID_INPUT');
    expect(await errorCode(p.call('quiz.start', { sessionId: 'nope' }))).toBe('NOT_FOUND');
    expect((await p.call('quiz.start', { sessionId: 's1' })).responses).toEqual({});
  });
});
