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
  'quiz.start': ({ packId, sessionId, mode, language }, core) =>
    startAttempt(core.db, core.scope(packId), sessionId ?? null, mode, language),
  'quiz.answer': (input, core) => saveAnswer(core.db, core.scope(), input),
  'quiz.submit': ({ attemptId }, core) => submitAttempt(core.db, core.scope(), attemptId),
  'quiz.review': ({ attemptId }, core) => buildReview(core.db, loadAttempt(core.db, core.scope().profileId, attemptId)),
  'quiz.history': ({ packId, sessionId }, core) => {
    const s = core.scope(packId);
    return quizHistory(core.db, s.profileId, s.packId, sessionId);
  },
  'quiz.wrongList': ({ packId, sessionId, language }, core) => {
    const s = core.scope(packId);
    return { items: wrongList(core.db, s.profileId, s.packId, sessionId ?? null, language ?? null) };
  },
};
