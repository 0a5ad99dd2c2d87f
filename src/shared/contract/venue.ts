import { z } from 'zod';
import { stableId } from '../pack/schema';
import { MAX_BATCH_FILES, MAX_RECORD_CHARS } from '../records';
import { languageSchema } from './app';
import { call } from './define';
import { sessionStatusSchema } from './study';

export const recordFileSchema = z.union([
  z.object({ name: z.string().max(1000), content: z.string().max(MAX_RECORD_CHARS) }),
  z.object({ name: z.string().max(1000), tooLarge: z.literal(true), size: z.number().int() }),
]);
export type RecordFile = z.infer<typeof recordFileSchema>;

export const rejectReasonSchema = z.enum([
  'bad-json',
  'schema',
  'signature',
  'identity',
  'unknown-pack',
  'other-pack',
  'too-large',
  /** Format version 1: a summary without evidence, which a venue cannot check. */
  'old-format',
  /** The evidence is impossible or disagrees with the summary; `key` names exactly what. */
  'evidence',
]);
export type RejectReason = z.infer<typeof rejectReasonSchema>;

export const venueCellSchema = z.object({
  status: sessionStatusSchema,
  passed: z.boolean(),
  /** 0-1; null when the quiz was never submitted (a 0 score is 0, not null). */
  bestScore: z.number().nullable(),
  attempts: z.number().int(),
  completedAt: z.string().nullable(),
  /** Credit hours (学时) the session earned by the venue pack's rule, from the evidence. */
  credit: z.number(),
  /** Seconds of the session's recordings covered by the record's intervals, clipped to their lengths. */
  watchedSeconds: z.number(),
});
export type VenueCell = z.infer<typeof venueCellSchema>;

export const venueParticipantSchema = z.object({
  installationId: z.string(),
  profileId: z.number().int(),
  name: z.string(),
  unit: z.string(),
  venue: z.string(),
  packVersion: z.string(),
  exportedAt: z.string(),
  file: z.string(),
  /** Aligned with the report's sessions; null where the record does not have that session. */
  sessions: z.array(venueCellSchema.nullable()),
  overall: z.object({ completed: z.number().int(), total: z.number().int(), completedAt: z.string().nullable() }),
  /** The code on the participant's printed record with the same study (records.printInfo). */
  code: z.string(),
  /** Time on task re-derived from the evidence (reading, watching, quizzes), seconds. */
  studySeconds: z.number().int(),
  /** Credit hours (学时) re-derived from the evidence: the sum of the sessions' credit. */
  credit: z.number(),
});
export type VenueParticipant = z.infer<typeof venueParticipantSchema>;

const person = z.object({ name: z.string(), unit: z.string() });

/** A roster row that could not be used, by its row number; `reason` is a reasons.<key> locale key. */
export const rosterProblemSchema = z.object({
  row: z.number().int(),
  reason: z.string(),
  first: z.number().int().optional(),
});
export type RosterProblem = z.infer<typeof rosterProblemSchema>;

/** How the roster file was read: shown in the preview so a wrong guess is visible before the report. */
export const rosterReadingSchema = z.object({
  format: z.enum(['csv', 'xlsx']),
  encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'gb18030']).nullable(),
  /** 1-based row of the recognised header (姓名/Name …), or null when name, unit were assumed. */
  headerRow: z.number().int().nullable(),
  /** The header's text of each recognised column, or null when absent. */
  columns: z.object({ name: z.string().nullable(), unit: z.string().nullable(), venue: z.string().nullable() }),
  problems: z.array(rosterProblemSchema),
});

/**
 * Per work unit, what a venue official prints: enrolled (from the roster), submitted, completed,
 * credit hours (学时) earned and time on task, both re-derived.
 */
export const unitSummarySchema = z.object({
  unit: z.string(),
  enrolled: z.number().int().nullable(),
  submitted: z.number().int(),
  completedAll: z.number().int(),
  credit: z.number(),
  studyHours: z.number(),
});
export type UnitSummary = z.infer<typeof unitSummarySchema>;

/** Titles by language tag: the pack's own language and its translations (pick with shared/records `titleIn`). */
const titles = z.record(z.string(), z.string());

export const venueReportSchema = z.object({
  pack: z.object({ id: z.string(), version: z.string(), title: z.string(), titles }),
  sessions: z.array(z.object({ id: z.string(), ord: z.number().int(), title: z.string(), titles })),
  /** Whether the venue's pack grants credit hours at all (a pack without rules grants none). */
  grantsCredit: z.boolean(),
  participants: z.array(venueParticipantSchema),
  totals: z.object({
    participants: z.number().int(),
    completedAll: z.number().int(),
    credit: z.number(),
    sessions: z.array(
      z.object({ id: z.string(), passed: z.number().int(), completed: z.number().int(), credit: z.number() }),
    ),
  }),
  files: z.object({
    received: z.number().int(),
    accepted: z.number().int(),
    rejected: z.number().int(),
    /** Valid records replaced by a newer export of the same participant on the same computer. */
    superseded: z.number().int(),
  }),
  rejected: z.array(
    z.object({
      file: z.string(),
      reason: rejectReasonSchema,
      detail: z.string(),
      /** The specific reason as a locale key (reasons.<key>) and its interpolation values. */
      key: z.string().optional(),
      values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    }),
  ),
  superseded: z.array(z.object({ file: z.string(), by: z.string() })),
  /**
   * Accepted files with something to know: made with another pack version, or claiming more (or
   * less) credit than their evidence gives (the report uses the evidence; `values` says both).
   */
  warnings: z.array(
    z.object({
      file: z.string(),
      code: z.enum(['pack-version', 'credit-claim']),
      detail: z.string(),
      values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    }),
  ),
  roster: z
    .object({ total: z.number().int(), missing: z.array(person), notOnRoster: z.array(person) })
    .extend(rosterReadingSchema.shape)
    .nullable(),
  units: z.array(unitSummarySchema),
  generatedAt: z.string(),
});
export type VenueReport = z.infer<typeof venueReportSchema>;

const importId = z.string().uuid();
/**
 * A roster: the file as the venue saved it (CSV in any common encoding, or XLSX), base64, or
 * (tests, scripts) its text.
 */
export const rosterFileSchema = z.object({ name: z.string().max(1000), base64: z.string().max(14_000_000) });
const roster = z.union([z.string().max(5_000_000), rosterFileSchema]).optional();

/** The venue's IANA time zone (the renderer's); times in exports are local to it. Default: the core's. */
const timeZone = z.string().max(64).optional();

export const venueCalls = {
  /** Long imports: begin, then addBatch per few hundred files (a progress bar between), then finish. */
  'venue.begin': call(
    z.object({ packId: stableId.optional() }),
    z.object({ importId, pack: z.object({ id: z.string(), version: z.string(), title: z.string() }) }),
  ),
  'venue.addBatch': call(
    z.object({ importId, files: z.array(recordFileSchema).max(MAX_BATCH_FILES) }),
    z.object({ received: z.number().int(), accepted: z.number().int(), rejected: z.number().int() }),
  ),
  'venue.finish': call(z.object({ importId, roster }), venueReportSchema),
  /** One call for a few files (tests, small venues): the same steps as begin/addBatch/finish. */
  'venue.import': call(
    z.object({ packId: stableId.optional(), files: z.array(recordFileSchema).max(MAX_BATCH_FILES), roster }),
    venueReportSchema,
  ),
  /** What the roster file will give: how it was read, its first people, and rows it cannot use. */
  'venue.previewRoster': call(
    z.object({ roster: rosterFileSchema }),
    rosterReadingSchema.extend({
      total: z.number().int(),
      first: z.array(person.extend({ row: z.number().int() })),
    }),
  ),
  /** Exports of the last finished report, kept in the core (see core/venue/imports.ts). */
  'venue.exportCsv': call(
    z.object({ language: languageSchema.default('zh-CN'), timeZone }),
    z.object({ fileName: z.string(), mimeType: z.string(), content: z.string() }),
  ),
  'venue.exportXlsx': call(
    z.object({ language: languageSchema.default('zh-CN'), timeZone }),
    z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() }),
  ),
};
