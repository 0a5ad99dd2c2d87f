import { z } from 'zod';
import { languageTag, stableId } from '../pack/schema';
import { call } from './define';

const sessionRef = { packId: stableId.optional(), sessionId: stableId };
/** The content language asked for; the pack's own language when it lacks that one. */
const language = languageTag.optional();

export const sessionStatusSchema = z.enum(['not-started', 'in-progress', 'complete']);
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

/** One row of progress per session: home and "My progress" both show exactly this. */
export const sessionProgressSchema = z.object({
  id: z.string(),
  ord: z.number().int(),
  title: z.string(),
  summary: z.string(),
  status: sessionStatusSchema,
  reading: z.object({ fraction: z.number(), reachedEnd: z.boolean(), seconds: z.number().int() }),
  keyPoints: z.object({ reviewed: z.number().int(), total: z.number().int() }),
  quiz: z.object({
    questions: z.number().int(),
    passMark: z.number(),
    attempts: z.number().int(),
    bestScore: z.number().nullable(),
    latestScore: z.number().nullable(),
    passed: z.boolean(),
  }),
  completedAt: z.string().nullable(),
  /** The session's recordings: media seconds covered of their total, and time spent watching. */
  watching: z.object({ coveredSeconds: z.number(), totalSeconds: z.number(), seconds: z.number().int() }),
  /** 0-1: an equal part for each thing the session's rule requires (reading, key points, quiz, each recording). */
  fraction: z.number(),
});
export type SessionProgress = z.infer<typeof sessionProgressSchema>;

export const packSummarySchema = z.object({
  id: z.string(),
  version: z.string(),
  title: z.string(),
  description: z.string(),
  language: z.string(),
  publisher: z.object({ name: z.string(), fingerprint: z.string(), builtin: z.boolean() }),
  sessionCount: z.number().int(),
  installedAt: z.string(),
  hasSource: z.boolean(),
  /** Every language the pack's content is in: its own first, then its translations. */
  languages: z.array(z.string()),
  /** Bytes the pack takes on disk (media included) and how many media files it has (format 2). */
  sizeBytes: z.number().int(),
  mediaCount: z.number().int(),
});
export type PackSummary = z.infer<typeof packSummarySchema>;

export const overviewSchema = z.object({
  pack: packSummarySchema,
  sessions: z.array(sessionProgressSchema),
  overall: z.object({
    completed: z.number().int(),
    total: z.number().int(),
    fraction: z.number(),
    completedAt: z.string().nullable(),
  }),
  resume: z.object({ sessionId: z.string(), title: z.string() }).nullable(),
  /** The language the titles are in, and the translation's notice (e.g. 参考译文…) when it is one. */
  language: z.string(),
  notice: z.string().nullable(),
});
export type Overview = z.infer<typeof overviewSchema>;

export const sessionDetailSchema = z.object({
  packId: z.string(),
  progress: sessionProgressSchema,
  material: z.string(),
  keyPoints: z.array(
    z.object({ id: z.string(), text: z.string(), source: z.string(), reviewedAt: z.string().nullable() }),
  ),
  reading: z.object({ position: z.number(), reachedEnd: z.boolean(), seconds: z.number().int() }),
  note: z.object({ text: z.string(), updatedAt: z.string().nullable() }),
  /** The language material and key points are in, and the translation's notice when it is one. */
  language: z.string(),
  notice: z.string().nullable(),
  /** Every language the pack has (its own first), to offer a switch and the side-by-side view. */
  languages: z.array(z.string()),
});
export type SessionDetail = z.infer<typeof sessionDetailSchema>;

export const searchHitSchema = z.object({
  kind: z.enum(['material', 'keypoint', 'note']),
  /** The language of the text found (null for a note): open the session in it. */
  language: z.string().nullable(),
  packId: z.string(),
  sessionId: z.string(),
  sessionTitle: z.string(),
  itemId: z.string(),
  /** Snippet with the matches wrapped in \u0001 ... \u0002 (the renderer turns them into <mark>). */
  snippet: z.string(),
  /** Character offset of the first match inside the item's text, to open the exact place. */
  offset: z.number().int(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const studyCalls = {
  'course.overview': call(z.object({ packId: stableId.optional(), language }), overviewSchema),
  'session.get': call(z.object({ ...sessionRef, language }), sessionDetailSchema),
  /** The source text, or its aligned translation in `language` (paragraphs blank-line apart). */
  'source.get': call(
    z.object({ packId: stableId.optional(), language }),
    z.object({
      packId: z.string(),
      title: z.string(),
      text: z.string(),
      language: z.string(),
      notice: z.string().nullable(),
      languages: z.array(z.string()),
    }),
  ),
  'reading.save': call(
    z.object({
      ...sessionRef,
      position: z.number().min(0).max(1),
      reachedEnd: z.boolean().default(false),
      secondsDelta: z.number().int().min(0).max(3600).default(0),
    }),
    z.object({ savedAt: z.string() }),
  ),
  'keypoint.mark': call(
    z.object({ ...sessionRef, keyPointId: stableId, reviewed: z.boolean() }),
    z.object({ reviewedAt: z.string().nullable() }),
  ),
  'note.save': call(z.object({ ...sessionRef, text: z.string().max(100_000) }), z.object({ savedAt: z.string() })),
  'search.query': call(
    z.object({ query: z.string().trim().min(1).max(200), packId: stableId.optional(), language }),
    z.object({ hits: z.array(searchHitSchema), truncated: z.boolean() }),
  ),
};
