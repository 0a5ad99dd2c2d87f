import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packQuestions } from '../../../src/core/quiz/questions';
import { builtinPack, openCore } from '../support/core';
import { variant } from '../support/pack-variant';
import { rightResponse } from '../quiz/support';

const editJson = (file: string, change: (j: Record<string, unknown>) => void) => {
  const j = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  change(j);
  writeFileSync(file, JSON.stringify(j, null, 2));
};

export interface CreditOptions {
  /** Credit per session id (fixed hours); sessions left out grant none. */
  credit?: Record<string, number>;
  course?: { sessions?: string[]; minimumCredit?: number };
}

/**
 * The built-in pack re-signed as version 1.1.0 with credit and course rules, installed over the
 * built-in one, and a participant. Completion keeps the format-1 rule (read, key points, quiz), so
 * the venue's re-derivation agrees with the laptop whatever rules it reads.
 */
export async function creditCore(opts: CreditOptions) {
  const env = await openCore();
  const { privateKeyPem } = await builtinPack();
  const bytes = await variant(privateKeyPem, (f) =>
    editJson(join(f, 'manifest.json'), (m) => {
      m.version = '1.1.0';
      for (const s of m.sessions as Array<{ id: string; credit?: unknown }>) {
        const hours = opts.credit?.[s.id];
        if (hours !== undefined) s.credit = { kind: 'fixed', hours };
      }
      if (opts.course) m.course = opts.course;
    }),
  );
  await env.core.library.installBytes(bytes, 'credit.studypack', { trustPublisher: false, allowDowngrade: false });
  const profile = await env.call('profiles.create', { name: '李四', unit: '省委组织部', venue: '武汉分会场' });
  return { ...env, profile };
}

/** Completes a session the honest way: read to the end, every key point, the quiz passed. */
export async function completeSession(env: Awaited<ReturnType<typeof creditCore>>, sessionId: string) {
  const { call, core } = env;
  await call('reading.save', { sessionId, position: 1, reachedEnd: true });
  const detail = await call('session.get', { sessionId });
  for (const kp of detail.keyPoints) await call('keypoint.mark', { sessionId, keyPointId: kp.id, reviewed: true });
  const questions = packQuestions(core.db, core.library.resolve());
  const attempt = await call('quiz.start', { sessionId });
  for (const q of attempt.questions)
    await call('quiz.answer', {
      attemptId: attempt.attemptId,
      questionId: q.id,
      response: rightResponse(questions.get(q.id)!.question),
    });
  const review = await call('quiz.submit', { attemptId: attempt.attemptId });
  if (!review.passed) throw new Error(`quiz of ${sessionId} not passed`);
}
