import { z } from 'zod';

/**
 * Pack format 2, completion and credit rules. A session says what completes it (which recordings
 * must be watched and how much of each, whether reading to the end, every key point and a passed
 * quiz are needed) and what credit hours (学时) it grants; the course says what earns the
 * certificate. A pack without rules keeps the format-1 rule (read, every key point, quiz passed)
 * and grants no credit hours. The core computes both from evidence (intervals watched, key points
 * reviewed, graded attempts), never from a stored flag.
 */

const packPath = z.string().min(1).max(200);
const id = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/);
const hours = z.number().min(0).max(100);

export const completionRuleSchema = z.strictObject({
  /** Recordings (video or audio of the same session) to watch, each to at least `fraction` of its length. */
  media: z
    .array(z.strictObject({ path: packPath, fraction: z.number().gt(0).max(1) }))
    .max(50)
    .optional(),
  /** Defaults: true, as in format 1. */
  reading: z.boolean().optional(),
  keyPoints: z.boolean().optional(),
  quiz: z.boolean().optional(),
});

/**
 * Credit hours a completed session grants: a fixed number, or the band rule of the provincial cadre
 * college: by the length of the session's recordings, 30 minutes or more 1 学时, 15 to 30 minutes
 * 0.5, under 15 minutes 0.25, plus `quizBonus` (0.5 there) when the quiz is passed.
 */
export const creditRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('fixed'), hours }),
  z.strictObject({ kind: z.literal('bands'), quizBonus: hours.optional() }),
]);

/** The session fields the rules add (spread into the manifest's session object). */
export const sessionRulesBlock = {
  completion: completionRuleSchema.optional(),
  credit: creditRuleSchema.optional(),
};

/** What earns the course certificate (结业证书): these sessions complete (all when left out) and this much credit. */
export const courseRuleSchema = z.strictObject({
  sessions: z.array(id).min(1).max(50).optional(),
  minimumCredit: hours.optional(),
});

export type CompletionRule = z.infer<typeof completionRuleSchema>;
export type CreditRule = z.infer<typeof creditRuleSchema>;
export type CourseRule = z.infer<typeof courseRuleSchema>;

/** The band rule's credit for recordings of `seconds` in total, before the quiz bonus. */
export function bandHours(seconds: number): number {
  if (seconds >= 30 * 60) return 1;
  if (seconds >= 15 * 60) return 0.5;
  return 0.25;
}
