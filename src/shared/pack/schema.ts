import { z } from 'zod';
import { sessionMediaBlock } from './media';

/**
 * Study pack schema, shared by the authoring folder, the signed `.studypack` file and the app.
 * Ids are stable across pack versions: progress is keyed by them (the Anki lesson: unstable ids
 * duplicate or lose a learner's history on every update).
 */
export const stableId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'ids are 1-64 chars of a-z, 0-9, ".", "_", "-"');

export const semver = z
  .string()
  .regex(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/, 'version must be MAJOR.MINOR.PATCH');

/** A passage quoted word for word from the pack's source text. */
const sourceQuote = z.string().min(8).max(2000);

const text = (max: number) => z.string().trim().min(1).max(max);

export const keyPointSchema = z.strictObject({
  id: stableId,
  text: text(1000),
  source: sourceQuote,
});

const optionSchema = z.strictObject({ id: stableId, text: text(500) });

const questionBase = {
  id: stableId,
  prompt: text(2000),
  explanation: text(2000),
  source: sourceQuote,
};

export const questionSchema = z.discriminatedUnion('type', [
  z.strictObject({
    ...questionBase,
    type: z.literal('single'),
    options: z.array(optionSchema).min(2).max(8),
    answer: z.array(stableId).length(1),
  }),
  z.strictObject({
    ...questionBase,
    type: z.literal('multiple'),
    options: z.array(optionSchema).min(2).max(8),
    answer: z.array(stableId).min(1).max(8),
  }),
  z.strictObject({
    ...questionBase,
    type: z.literal('truefalse'),
    answer: z.boolean(),
  }),
  z.strictObject({
    ...questionBase,
    type: z.literal('fill'),
    /** Accepted answers; matching ignores case, width, surrounding spaces and punctuation. */
    answer: z.array(text(200)).min(1).max(10),
  }),
]);

export const sessionFileSchema = z.strictObject({
  keyPoints: z.array(keyPointSchema).min(1).max(100),
  quiz: z.strictObject({
    /** Fraction of questions to answer correctly to pass, 0-1. */
    passMark: z.number().min(0).max(1),
    questions: z.array(questionSchema).min(1).max(200),
  }),
});

export const manifestSessionSchema = z.strictObject({
  id: stableId,
  title: text(200),
  summary: text(1000).optional(),
  /** Path of the Markdown material inside the pack, e.g. `sessions/s1/material.md`. */
  material: z.string().min(1).max(200),
  /** Path of the key points and quiz file inside the pack, e.g. `sessions/s1/session.json`. */
  content: z.string().min(1).max(200),
  /** Format 2: the session's recordings, slides and pictures (see ./media.ts). */
  ...sessionMediaBlock,
});

export const manifestSchema = z
  .strictObject({
    /** 1: text only. 2: adds per-session media (./media.ts); format 1 packs keep importing unchanged. */
    format: z.union([z.literal(1), z.literal(2)]),
    id: stableId,
    version: semver,
    title: text(200),
    description: text(2000).optional(),
    language: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/),
    publisher: z.strictObject({ name: text(200) }),
    /** Path of the full source text the material and every `source` quote come from. */
    sourceText: z.string().min(1).max(200).optional(),
    sessions: z.array(manifestSessionSchema).min(1).max(50),
  })
  .superRefine((m, ctx) => {
    if (m.format !== 1) return;
    m.sessions.forEach((s, i) => {
      if (s.media !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['sessions', i, 'media'], message: 'media needs "format": 2' });
      }
    });
  });

export type KeyPoint = z.infer<typeof keyPointSchema>;
export type Question = z.infer<typeof questionSchema>;
export type QuestionType = Question['type'];
export type SessionFile = z.infer<typeof sessionFileSchema>;
export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestSession = z.infer<typeof manifestSessionSchema>;
