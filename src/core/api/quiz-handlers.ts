import type { quizCalls } from '../../shared/contract/quiz';
import { loadAttempt, startAttempt } from '../quiz/attempts';
import { saveAnswer } from '../quiz/answer';
import { quizHistory } from '../quiz/history';
import { buildReview } from '../quiz/review';
import { submitAttempt } from '../quiz/submit';
import { wrongList } from '../quiz/wrong';
import type { Core } from '../core';
import { assertIntact } from '../library/content-digest';
import type { Handlers } from './types';

/** The pack an attempt belongs to ('' if there is no such attempt: loadAttempt then says NOT_FOUND). */
const attemptPack = (core: Core, attemptId: number): string =>
  (core.db.prepare('SELECT pack_id FROM attempts WHERE id = ?').get(attemptId) as { pack_id: string } | undefined)
    ?.pack_id ?? '';

/** Every call runs as the active profile: attempts of other participants are NOT_FOUND. */
export const quizHandlers: Handlers<keyof typeof quizCalls> = {
  // Never grade against installed questions that no longer match what was signed (content-digest.ts).
  'quiz.start': ({ packId, sessionId, mode, language }, core, ctx) => {
    const s = core.scope(ctx.clientId, packId);
    assertIntact(core.library.altered, s.packId);
    return startAttempt(core.db, s, sessionId ?? null, mode, language);
  },
  'quiz.answer': (input, core, ctx) => {
    assertIntact(core.library.altered, attemptPack(core, input.attemptId));
    return saveAnswer(core.db, core.scope(ctx.clientId), input);
  },
  'quiz.submit': ({ attemptId }, core, ctx) => {
    assertIntact(core.library.altered, attemptPack(core, attemptId));
    return submitAttempt(core.db, core.scope(ctx.clientId), attemptId);
  },
  'quiz.review': ({ attemptId }, core, ctx) =>
    buildReview(core.db, loadAttempt(core.db, core.scope(ctx.clientId).profileId, attemptId)),
  'quiz.history': ({ packId, sessionId }, core, ctx) => {
    const s = core.scope(ctx.clientId, packId);
    return quizHistory(core.db, s.profileId, s.packId, sessionId);
  },
  'quiz.wrongList': ({ packId, sessionId, language }, core, ctx) => {
    const s = core.scope(ctx.clientId, packId);
    return { items: wrongList(core.db, s.profileId, s.packId, sessionId ?? null, language ?? null) };
  },
};
