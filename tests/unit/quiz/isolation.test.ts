import { describe, expect, it } from 'vitest';
import { answerAll, errorCode, participant } from './support';

describe('attempts belong to one participant', () => {
  it("another profile cannot see, answer, submit or review someone else's attempt", async () => {
    const p = await participant();
    const mine = await p.call('quiz.start', { sessionId: 's1' });
    await answerAll(p, mine, () => false);

    await p.call('profiles.create', { name: '李四', unit: '省纪委' });
    const theirs = await p.call('quiz.start', { sessionId: 's1' });
    expect(theirs.attemptId).not.toBe(mine.attemptId);
    expect(theirs.responses).toEqual({});
    const questionId = mine.questions[0]!.id;
    const response = { type: 'truefalse', value: true };
    expect(await errorCode(p.call('quiz.answer', { attemptId: mine.attemptId, questionId, response }))).toBe(
      'NOT_FOUND',
    );
    expect(await errorCode(p.call('quiz.submit', { attemptId: mine.attemptId }))).toBe('NOT_FOUND');
    expect(await errorCode(p.call('quiz.review', { attemptId: mine.attemptId }))).toBe('NOT_FOUND');
    expect((await p.call('quiz.history', { sessionId: 's1' })).inProgress?.attemptId).toBe(theirs.attemptId);

    const { profiles } = await p.call('profiles.list', {});
    await p.call('profiles.select', { id: profiles.find((x) => x.name === '张三')!.id });
    await p.call('quiz.submit', { attemptId: mine.attemptId });
    expect((await p.call('quiz.wrongList', {})).items).toHaveLength(mine.questions.length);
    await p.call('profiles.select', { id: profiles.find((x) => x.name === '李四')!.id });
    expect((await p.call('quiz.wrongList', {})).items).toEqual([]);
    expect((await p.call('quiz.history', { sessionId: 's1' })).attempts).toEqual([]);
  });

  it('quiz calls need a profile', async () => {
    const p = await participant();
    await p.call('profiles.signOut', {});
    expect(await errorCode(p.call('quiz.start', { sessionId: 's1' }))).toBe('NO_PROFILE');
    expect(await errorCode(p.call('quiz.wrongList', {}))).toBe('NO_PROFILE');
  });
});
