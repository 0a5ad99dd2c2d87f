import { describe, expect, it } from 'vitest';
import { answerAll, errorCode, participant } from './support';

describe('the wrong-answer list and practice', () => {
  it('wrong answers enter the list and leave it after a correct practice answer', async () => {
    const p = await participant();
    expect((await p.call('quiz.wrongList', {})).items).toEqual([]);
    expect(await errorCode(p.call('quiz.start', { sessionId: 's1', mode: 'practice' }))).toBe('CONFLICT');

    const quiz = await p.call('quiz.start', { sessionId: 's1' });
    const wrongIds = new Set(quiz.questions.slice(0, 3).map((q) => q.id));
    await answerAll(p, quiz, (id) => !wrongIds.has(id));
    await p.call('quiz.submit', { attemptId: quiz.attemptId });
    const list = await p.call('quiz.wrongList', {});
    expect(new Set(list.items.map((i) => i.questionId))).toEqual(wrongIds);
    expect(list.items[0]).toMatchObject({ sessionId: 's1', sessionOrd: 1, timesWrong: 1 });
    expect(list.items[0]!.prompt).not.toBe('');

    // Practice asks exactly the listed questions; one stays wrong, two are now right.
    const practice = await p.call('quiz.start', { sessionId: 's1', mode: 'practice' });
    expect(practice.questions.map((q) => q.id)).toEqual(list.items.map((i) => i.questionId));
    const stillWrong = practice.questions[0]!.id;
    await answerAll(p, practice, (id) => id !== stillWrong);
    await p.call('quiz.submit', { attemptId: practice.attemptId });
    const after = await p.call('quiz.wrongList', { sessionId: 's1' });
    expect(after.items.map((i) => [i.questionId, i.timesWrong])).toEqual([[stillWrong, 2]]);
  });

  it('a correct answer in a quiz does not remove an entry; only practice does', async () => {
    const p = await participant();
    const first = await p.call('quiz.start', { sessionId: 's2' });
    await answerAll(p, first, () => false);
    await p.call('quiz.submit', { attemptId: first.attemptId });
    const second = await p.call('quiz.start', { sessionId: 's2' });
    await answerAll(p, second, () => true);
    await p.call('quiz.submit', { attemptId: second.attemptId });
    expect((await p.call('quiz.wrongList', {})).items).toHaveLength(first.questions.length);
  });

  it('practice across all sessions asks the most recently wrong first', async () => {
    const p = await participant();
    for (const sessionId of ['s1', 's2']) {
      const a = await p.call('quiz.start', { sessionId });
      const wrong = a.questions.find((q) => q.type === 'single')!.id;
      await answerAll(p, a, (id) => id !== wrong);
      await p.call('quiz.submit', { attemptId: a.attemptId });
      await new Promise((r) => setTimeout(r, 5)); // distinct timestamps
    }
    const list = await p.call('quiz.wrongList', {});
    expect(list.items.map((i) => i.sessionId)).toEqual(['s2', 's1']);
    const practice = await p.call('quiz.start', { mode: 'practice' });
    expect(practice.sessionId).toBeNull();
    expect(practice.questions.map((q) => q.id)).toEqual(list.items.map((i) => i.questionId));
    // A per-session practice is a separate attempt from the all-sessions one.
    const s1 = await p.call('quiz.start', { sessionId: 's1', mode: 'practice' });
    expect(s1.attemptId).not.toBe(practice.attemptId);
    expect(s1.questions.map((q) => q.sessionId)).toEqual(['s1']);
    expect((await p.call('quiz.start', { mode: 'practice' })).attemptId).toBe(practice.attemptId);
  });
});
