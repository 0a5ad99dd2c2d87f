import { z } from 'zod';
import { languageTag, stableId } from '../pack/schema';
import { call } from './define';

export const quizModeSchema = z.enum(['quiz', 'practice']);
export type QuizMode = z.infer<typeof quizModeSchema>;

/** What a participant answered, one shape per question type. */
export const quizResponseSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('single'), option: stableId }),
  z.strictObject({ type: z.literal('multiple'), options: z.array(stableId).max(8) }),
  z.strictObject({ type: z.literal('truefalse'), value: z.boolean() }),
  z.strictObject({ type: z.literal('fill'), text: z.string().max(200) }),
]);
export type QuizResponse = z.infer<typeof quizResponseSchema>;

/** The right answer, shown only in a review after submitting. */
export const answerKeySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('single'), option: z.string() }),
  z.object({ type: z.literal('multiple'), options: z.array(z.string()) }),
  z.object({ type: z.literal('truefalse'), value: z.boolean() }),
  z.object({ type: z.literal('fill'), accepted: z.array(z.string()) }),
]);
export type AnswerKey = z.infer<typeof answerKeySchema>;

const optionSchema = z.object({ id: z.string(), text: z.string() });

/** A question as asked: no answer, no explanation; options in this attempt's shuffled order. */
export const askedQuestionSchema = z.object({
  id: z.string(),
  sessionId: z.string(),
  type: z.enum(['single', 'multiple', 'truefalse', 'fill']),
  prompt: z.string(),
  /** Empty for true/false and fill-in questions. */
  options: z.array(optionSchema),
});
export type AskedQuestion = z.infer<typeof askedQuestionSchema>;

export const attemptSchema = z.object({
  attemptId: z.number().int(),
  mode: quizModeSchema,
  /** Null for practice across all sessions. */
  sessionId: z.string().nullable(),
  startedAt: z.string(),
  passMark: z.number(),
  /** True when an unsubmitted attempt was picked up again (e.g. after a restart). */
  resumed: z.boolean(),
  questions: z.array(askedQuestionSchema),
  responses: z.record(z.string(), quizResponseSchema),
  /** The language the questions are shown in; a fill-in answer is graded against its answers. */
  language: z.string(),
});
export type Attempt = z.infer<typeof attemptSchema>;

export const reviewItemSchema = askedQuestionSchema.extend({
  response: quizResponseSchema.nullable(),
  answer: answerKeySchema,
  correct: z.boolean(),
  explanation: z.string(),
  /** Word-for-word passage of the source text, to open the article at that place. */
  source: z.string(),
});
export type ReviewItem = z.infer<typeof reviewItemSchema>;

export const reviewSchema = z.object({
  attemptId: z.number().int(),
  mode: quizModeSchema,
  sessionId: z.string().nullable(),
  startedAt: z.string(),
  submittedAt: z.string(),
  score: z.number().int(),
  total: z.number().int(),
  passMark: z.number(),
  /** Null for practice: practice never counts for passing. */
  passed: z.boolean().nullable(),
  language: z.string(),
  /** Set when this submit completed the session (read + key points + quiz passed). */
  completedSession: z.boolean(),
  items: z.array(reviewItemSchema),
});
export type Review = z.infer<typeof reviewSchema>;

export const historySchema = z.object({
  session: z.object({ id: z.string(), ord: z.number().int(), title: z.string(), questions: z.number().int() }),
  passMark: z.number(),
  /** Fractions 0-1 over submitted quiz attempts, the same numbers the session screen shows. */
  best: z.number().nullable(),
  latest: z.number().nullable(),
  passed: z.boolean(),
  attempts: z.array(
    z.object({
      attemptId: z.number().int(),
      startedAt: z.string(),
      submittedAt: z.string(),
      score: z.number().int(),
      total: z.number().int(),
      passed: z.boolean(),
    }),
  ),
  /** An unsubmitted quiz attempt to resume, if any. */
  inProgress: z.object({ attemptId: z.number().int(), answered: z.number().int() }).nullable(),
});
export type QuizHistory = z.infer<typeof historySchema>;

export const wrongItemSchema = z.object({
  questionId: z.string(),
  sessionId: z.string(),
  sessionOrd: z.number().int(),
  sessionTitle: z.string(),
  prompt: z.string(),
  timesWrong: z.number().int(),
  addedAt: z.string(),
  lastWrongAt: z.string(),
});
export type WrongItem = z.infer<typeof wrongItemSchema>;

const packId = stableId.optional();

export const quizCalls = {
  /** Resumes the unsubmitted attempt of this session and mode, or starts a new one. */
  'quiz.start': call(
    z
      .object({
        packId,
        sessionId: stableId.optional(),
        mode: quizModeSchema.default('quiz'),
        /** Content language; resuming in another language shows the same attempt in that one. */
        language: languageTag.optional(),
      })
      .refine((i) => i.mode === 'practice' || i.sessionId !== undefined, {
        message: 'a quiz needs a sessionId (only practice may span all sessions)',
        path: ['sessionId'],
      }),
    attemptSchema,
  ),
  /** Saves one response at once; a blank one (nothing ticked, empty text) clears it. */
  'quiz.answer': call(
    z.object({ attemptId: z.number().int().positive(), questionId: stableId, response: quizResponseSchema }),
    z.object({ savedAt: z.string(), answered: z.number().int(), total: z.number().int() }),
  ),
  'quiz.submit': call(z.object({ attemptId: z.number().int().positive() }), reviewSchema),
  'quiz.review': call(z.object({ attemptId: z.number().int().positive() }), reviewSchema),
  'quiz.history': call(z.object({ packId, sessionId: stableId }), historySchema),
  /** Most recently wrong first; all sessions unless sessionId is given. */
  'quiz.wrongList': call(
    z.object({ packId, sessionId: stableId.optional(), language: languageTag.optional() }),
    z.object({ items: z.array(wrongItemSchema) }),
  ),
};
