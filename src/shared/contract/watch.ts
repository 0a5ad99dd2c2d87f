import { z } from 'zod';
import { stableId } from '../pack/schema';
import { call } from './define';

/** A stretch of media time actually played, [start, end) in seconds. */
export const intervalSchema = z.tuple([z.number().min(0).max(86_400), z.number().min(0).max(86_400)]);

/** One participant's watching of one recording, as the core computed it from the stored intervals. */
export const mediaProgressSchema = z.object({
  /** Seconds of the recording covered by the union of played intervals (coverage). */
  coveredSeconds: z.number().min(0),
  /** The recording's length from the pack (null when the pack does not say). */
  duration: z.number().nullable(),
  /** coveredSeconds / duration, 0-1. */
  fraction: z.number().min(0).max(1),
  /** Wall-clock seconds spent playing it while visible and attended (time on task). */
  seconds: z.number().int().min(0),
  /** Where to resume, in media seconds. */
  position: z.number().min(0),
  /** The fraction the pack's completion rule asks for, or null when watching it is not required. */
  required: z.number().nullable(),
  /** The merged intervals, so the player can mark what is watched on its timeline. */
  intervals: z.array(intervalSchema),
});
export type MediaProgress = z.infer<typeof mediaProgressSchema>;

/** How a session's credit hours are granted (from the pack's rule), for the ledger to say. */
export const creditBasisSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('fixed'), hours: z.number() }),
  /** Band by the length of the session's recordings, plus a bonus when the quiz is passed. */
  z.object({ kind: z.literal('bands'), mediaMinutes: z.number(), base: z.number(), quizBonus: z.number() }),
]);
export type CreditBasis = z.infer<typeof creditBasisSchema>;

export const ledgerSessionSchema = z.object({
  id: z.string(),
  ord: z.number().int(),
  title: z.string(),
  readingSeconds: z.number().int().min(0),
  watchingSeconds: z.number().int().min(0),
  /** Media minutes covered / total media minutes of the session's recordings. */
  watchedSeconds: z.number().min(0),
  mediaSeconds: z.number().min(0),
  complete: z.boolean(),
  completedAt: z.string().nullable(),
  /** Credit hours earned (0 until complete). */
  credit: z.number().min(0),
  basis: creditBasisSchema,
});
export type LedgerSession = z.infer<typeof ledgerSessionSchema>;

export const ledgerSchema = z.object({
  packId: z.string(),
  sessions: z.array(ledgerSessionSchema),
  totalCredit: z.number().min(0),
  totalSeconds: z.number().int().min(0),
  /** Whether the pack grants credit hours at all (a pack without rules grants none). */
  grantsCredit: z.boolean(),
  /** Seconds studied (reading and watching) per local day, oldest first: the chart's data. */
  days: z.array(z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), seconds: z.number().int().min(0) })),
});
export type Ledger = z.infer<typeof ledgerSchema>;

export const watchCalls = {
  /**
   * Sent every few seconds while a recording plays and when the participant leaves: the media
   * intervals played since the last save, and the wall-clock seconds spent playing them while the
   * page was visible and attended. The core refuses more media time than the wall-clock time could
   * have played at the fastest speed (2x), clips to the recording's length and merges.
   */
  'watch.save': call(
    z.object({
      packId: stableId.optional(),
      sessionId: stableId,
      path: z.string().min(1).max(200),
      played: z.array(intervalSchema).max(500),
      secondsDelta: z.number().min(0).max(600),
      position: z.number().min(0).max(86_400),
    }),
    z.object({ progress: mediaProgressSchema, sessionComplete: z.boolean() }),
  ),
  /** The 学时 ledger of "My progress": minutes and credit per session, totals, minutes per day. */
  'progress.ledger': call(z.object({ packId: stableId.optional(), language: z.string().optional() }), ledgerSchema),
};
