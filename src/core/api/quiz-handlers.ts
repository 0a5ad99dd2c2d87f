import type { quizCalls } from '../../shared/contract/quiz';
import { loadAttempt, startAttempt } from '../quiz/attempts';
import { saveAnswer } from '../quiz/answer';
import { quizHistory } from '../quiz/history';
import { buildReview } from '../quiz/review';
import { submitAttempt } from '../quiz/submit';
import { wrongList } from '../quiz/wrong';
import type { Handlers } from './types';

/** Every call runs as the active profile: attempts of other participants are NOT_FOUND. */
export const quizHandlers: Handlers<keyof typeof quizCalls> = {
  'quiz.start': ({ packId, sessionId, mode }, core, ctx) =>
    startAttempt(core.db, core.scope(ctx.clientId, packId), sessionId ?? null, mode),
  'quiz.answer': (input, core, ctx) => saveAnswer(core.db, core.scope(ctx.clientId), input),
  'quiz.submit': ({ attemptId }, core, ctx) => submitAttempt(core.db, core.scope(ctx.clientId), attemptId),
  'quiz.review': ({ attemptId }, core, ctx) =>
    buildReview(core.db, loadAttempt(core.db, core.scope(ctx.clientId).profileId, attemptId)),
  'quiz.history': ({ packId, sessionId }, core, ctx) => {
    const s = core.scope(ctx.clientId, packId);
    return quizHistory(core.db, s.profileId, s.packId, sessionId);
  },
  'quiz.wrongList': ({ packId, sessionId }, core, ctx) => {
    const s = core.scope(ctx.clientId, packId);
    return { items: wrongList(core.db, s.profileId, s.packId, sessionId ?? null) };
  },
};
