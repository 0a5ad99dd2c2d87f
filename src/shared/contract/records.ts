import { z } from 'zod';
import { semver, stableId } from '../pack/schema';
import { languageSchema } from './app';
import { call } from './define';
import { sessionStatusSchema } from './study';

/**
 * The signed completion record a participant hands to their venue (format "study-record", v1).
 * Its session rows are a frozen copy of the v1 fields of `sessionProgressSchema` (without the
 * pack's summary text): a record is signed data that venues must read for years, so it must not
 * change shape when the app's own progress row grows a field. A new shape is a new `version`.
 */
export const recordSessionSchema = z.object({
  id: z.string(),
  ord: z.number().int(),
  title: z.string(),
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
  fraction: z.number(),
});
export type RecordSession = z.infer<typeof recordSessionSchema>;

export const studyRecordSchema = z.object({
  format: z.literal('study-record'),
  version: z.literal(1),
  installation: z.object({ id: z.string().uuid(), publicKey: z.string() }),
  participant: z.object({ profileId: z.number().int(), name: z.string(), unit: z.string(), venue: z.string() }),
  pack: z.object({ id: stableId, version: semver, title: z.string() }),
  exportedAt: z.iso.datetime({ offset: true }),
  sessions: z.array(recordSessionSchema).max(50),
  overall: z.object({
    completed: z.number().int(),
    total: z.number().int(),
    fraction: z.number(),
    completedAt: z.string().nullable(),
  }),
});
export type StudyRecord = z.infer<typeof studyRecordSchema>;

/** The file: the record and an Ed25519 signature over its canonical JSON. Nothing else, unsigned. */
export const signedRecordSchema = z.strictObject({
  record: z.record(z.string(), z.unknown()),
  signature: z.string(),
});

export const recordFormatSchema = z.enum(['json', 'csv', 'xapi']);
export type RecordFormat = z.infer<typeof recordFormatSchema>;

/** A downloadable text file; the renderer saves it with Blob + <a download>. */
export const textFileSchema = z.object({ fileName: z.string(), mimeType: z.string(), content: z.string() });
export type TextFile = z.infer<typeof textFileSchema>;

export const recordCalls = {
  'records.export': call(
    z.object({
      format: recordFormatSchema,
      /** Language of the CSV header row and status words; JSON and xAPI do not depend on it. */
      language: languageSchema.default('zh-CN'),
      packId: stableId.optional(),
    }),
    textFileSchema,
  ),
};
