import { z } from 'zod';
import { semver, stableId } from '../pack/schema';
import { languageSchema } from './app';
import { call } from './define';
import { sessionStatusSchema } from './study';
import { intervalSchema } from './watch';

/**
 * The signed completion record a participant hands to their venue (format "study-record", v2).
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

/**
 * What the summary rows are made of, so a venue can recompute them instead of believing them
 * (format v2). Times are the laptop's own ISO times. Nothing here is secret: the answers are the
 * participant's own, and the venue holds the answer key in its installed pack.
 */
export const evidenceAnswerSchema = z.object({
  questionId: z.string(),
  /** The stored QuizResponse; checked (not trusted) by the venue's grading. */
  response: z.unknown(),
  answeredAt: z.string(),
});

export const evidenceAttemptSchema = z.object({
  packVersion: z.string(),
  startedAt: z.string(),
  submittedAt: z.string(),
  passMark: z.number(),
  /** The question ids this attempt asked, in the order shown. */
  asked: z.array(z.string()).max(200),
  score: z.number().int(),
  total: z.number().int(),
  passed: z.boolean(),
  answers: z.array(evidenceAnswerSchema).max(200),
});
export type EvidenceAttempt = z.infer<typeof evidenceAttemptSchema>;

/** At most this many stretches per recording: a union of played intervals is far shorter in practice. */
export const MAX_EVIDENCE_INTERVALS = 5000;

/**
 * Watching of one recording (video, audio), keyed by its pack path: the wall-clock seconds spent
 * playing it (time on task) and the merged union of media intervals played. The venue recomputes
 * coverage from the intervals, clipped to the recording's length in its own copy of the pack, and
 * from that completion and credit; it adds the seconds to the time on task. `intervals` is
 * optional because records exported before watching was tracked have none (and an empty list).
 */
export const evidenceMediaSchema = z.object({
  id: z.string().max(200),
  seconds: z.number().int().nonnegative(),
  intervals: z.array(intervalSchema).max(MAX_EVIDENCE_INTERVALS).optional(),
});
export type EvidenceMedia = z.infer<typeof evidenceMediaSchema>;

export const evidenceSessionSchema = z.object({
  id: z.string(),
  reading: z.object({
    seconds: z.number().int().nonnegative(),
    maxPosition: z.number(),
    reachedEndAt: z.string().nullable(),
    updatedAt: z.string().nullable(),
  }),
  media: z.array(evidenceMediaSchema).max(200),
  keyPoints: z.array(z.object({ id: z.string(), reviewedAt: z.string() })).max(500),
  attempts: z.array(evidenceAttemptSchema).max(500),
  completedAt: z.string().nullable(),
});
export type EvidenceSession = z.infer<typeof evidenceSessionSchema>;

export const evidenceSchema = z.object({
  /** When the profile was made: no time on task can exceed the span from here to the export. */
  profileCreatedAt: z.string(),
  /** Corrections of the participant's name, unit or venue on this computer, oldest first. */
  profileChanges: z.array(z.object({ field: z.string(), from: z.string(), to: z.string(), at: z.string() })).max(1000),
  sessions: z.array(evidenceSessionSchema).max(50),
});
export type Evidence = z.infer<typeof evidenceSchema>;

/**
 * The 学时 ledger's numbers, from the same query as "My progress" (core/study/ledger.ts): per
 * session the seconds spent reading and watching and the credit earned, and the total. A summary
 * like the session rows: the venue recomputes credit from the evidence and never believes these.
 */
export const recordLedgerSchema = z.object({
  sessions: z
    .array(
      z.object({
        id: z.string(),
        readingSeconds: z.number().int().nonnegative(),
        watchingSeconds: z.number().int().nonnegative(),
        credit: z.number().nonnegative(),
      }),
    )
    .max(50),
  totalCredit: z.number().nonnegative(),
});
export type RecordLedger = z.infer<typeof recordLedgerSchema>;

/**
 * The record format this app writes. Version 1 (summary only, no evidence) is refused by venues.
 *
 * Still version 2 with `ledger` and the media `intervals` added: both are optional, so a record
 * written before them parses here, and a venue app already in the field reads a newer record as
 * before. Its schema is not strict (zod drops keys it does not know) and its signature check runs
 * over the record exactly as parsed from the file, unknown keys included, so the signature holds;
 * it then re-derives against its own installed pack, which (an older app) has no watching rules.
 * A change that removes or re-means a field, or that an older venue would need to understand to
 * judge a record correctly, needs version 3.
 */
export const RECORD_VERSION = 2;

export const studyRecordSchema = z.object({
  format: z.literal('study-record'),
  version: z.literal(RECORD_VERSION),
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
  evidence: evidenceSchema,
  /** Absent in records written before credit hours existed. */
  ledger: recordLedgerSchema.optional(),
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
      /** Language of the CSV header row and status words, and of session titles in every format. */
      language: languageSchema.default('zh-CN'),
      packId: stableId.optional(),
    }),
    textFileSchema,
  ),
  /**
   * Which installation signs this computer's records, and whether its key is kept encrypted by the
   * OS keychain (Electron) or unencrypted in the database (browser host): the export screen says which.
   */
  /**
   * What the printed record carries: its number (installation and profile) and the verification
   * code the venue report shows for a record file with the same study (core/records/verification.ts).
   */
  'records.printInfo': call(
    z.object({ packId: stableId.optional() }),
    z.object({ recordNumber: z.string(), verificationCode: z.string() }),
  ),
  'records.signingInfo': call(z.object({}), z.object({ installationId: z.string(), keyProtected: z.boolean() })),
};
