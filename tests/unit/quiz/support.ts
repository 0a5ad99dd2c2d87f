import { afterEach } from 'vitest';
import type { Core } from '../../../src/core/core';
import { packQuestions } from '../../../src/core/quiz/questions';
import type { Attempt, QuizResponse } from '../../../src/shared/contract/quiz';
import type { Question } from '../../../src/shared/pack/schema';
import { openCore } from '../support/core';

let open: Core[] = [];
afterEach(() => {
  open.forEach((c) => c.close());
  open = [];
});

type Opened = Awaited<ReturnType<typeof openCore>>;

/** A real Core with the built-in pack and one participant signed in; closed after the test. */
export async function participant(dataDir?: string, name = '张三'): Promise<Opened> {
  const opened = await openCore(dataDir);
  open.push(opened.core);
  const { profiles } = await opened.call('profiles.list', {});
  const existing = profiles.find((p) => p.name === name);
  if (existing) await opened.call('profiles.select', { id: existing.id });
  else await opened.call('profiles.create', { name, unit: '省委组织部' });
  return opened;
}

export function closeCore(core: Core): void {
  core.close();
  open = open.filter((c) => c !== core);
}

/** The installed questions with their answers, read from the database the app uses. */
export function answerKeyOf(core: Core): Map<string, Question> {
  const all = packQuestions(core.db, core.library.resolve());
  return new Map([...all].map(([id, q]) => [id, q.question]));
}

export function rightResponse(q: Question): QuizResponse {
  switch (q.type) {
    case 'single':
      return { type: 'single', option: q.answer[0]! };
    case 'multiple':
      return { type: 'multiple', options: [...q.answer] };
    case 'truefalse':
      return { type: 'truefalse', value: q.answer };
    case 'fill':
      return { type: 'fill', text: q.answer[0]! };
  }
}

export function wrongResponse(q: Question): QuizResponse {
  switch (q.type) {
    case 'single':
      return { type: 'single', option: q.options.find((o) => o.id !== q.answer[0])!.id };
    case 'multiple':
      return { type: 'multiple', options: q.answer.slice(1) };
    case 'truefalse':
      return { type: 'truefalse', value: !q.answer };
    case 'fill':
      return { type: 'fill', text: 'certainly not this' };
  }
}

/** Answers every question of an attempt, right or wrong as `isRight` decides. */
export async function answerAll(
  { core, call }: Opened,
  attempt: Attempt,
  isRight: (questionId: string, index: number) => boolean,
): Promise<void> {
  const key = answerKeyOf(core);
  for (const [i, asked] of attempt.questions.entries()) {
    const q = key.get(asked.id)!;
    const response = isRight(asked.id, i) ? rightResponse(q) : wrongResponse(q);
    await call('quiz.answer', { attemptId: attempt.attemptId, questionId: asked.id, response });
  }
}

/** Reads session s to the end and reviews all its key points: everything but the quiz. */
export async function studySession({ call }: Opened, sessionId: string): Promise<void> {
  await call('reading.save', { sessionId, position: 1, reachedEnd: true });
  const detail = await call('session.get', { sessionId });
  for (const kp of detail.keyPoints) await call('keypoint.mark', { sessionId, keyPointId: kp.id, reviewed: true });
}

export async function errorCode(p: Promise<unknown>): Promise<string | undefined> {
  return p.then(
    () => undefined,
    (e: { code?: string }) => e.code,
  );
}
