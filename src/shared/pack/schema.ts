import { z } from 'zod';
import { sessionMediaBlock } from './media';
import { courseRuleSchema, sessionRulesBlock } from './rules';

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
  /** Format 2: what completes the session and the credit hours it grants (see ./rules.ts). */
  ...sessionRulesBlock,
});

export const languageTag = z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'a language tag like "en" or "zh-CN"');

// ---------------------------------------------------------------------------------------------
// Translations (format 2). A translation re-words every displayed string of the pack and keeps
// every id, so progress, attempts and records stay keyed by the same ids in every language. What
// is not worded (option ids, which options are right, true/false answers, pass marks) is the
// pack's own. Every path the translation needs is in the manifest, so the signed file list and
// the unreferenced-file check cover translated files like any other.
// ---------------------------------------------------------------------------------------------

export const manifestTranslationSchema = z.strictObject({
  title: text(200),
  description: text(2000).optional(),
  /** Shown wherever the translated text is, e.g. "参考译文：…以英文原文为准". */
  notice: text(500).optional(),
  /** Path of the translated strings file (translationFileSchema). */
  content: z.string().min(1).max(200),
  /** Path of the translated Markdown material of each session, by session id; same blocks, same order. */
  material: z.record(stableId, z.string().min(1).max(200)),
  /** Path of the aligned translation of the source text (alignedTranslationSchema). */
  sourceText: z.string().min(1).max(200).optional(),
});

const translatedKeyPointSchema = z.strictObject({ text: text(1000), source: sourceQuote });

export const translatedQuestionSchema = z.strictObject({
  prompt: text(2000),
  explanation: text(2000),
  /** A passage of the translated source text, word for word. */
  source: sourceQuote,
  /** Option texts by option id (single and multiple choice). */
  options: z.record(stableId, text(500)).optional(),
  /** Accepted fill-in answers in this language (fill questions). */
  answer: z.array(text(200)).min(1).max(10).optional(),
});

export const translatedSessionSchema = z.strictObject({
  title: text(200),
  summary: text(1000).optional(),
  keyPoints: z.record(stableId, translatedKeyPointSchema),
  questions: z.record(stableId, translatedQuestionSchema),
  /** Media titles and captions by media id. */
  media: z.record(stableId, z.strictObject({ title: text(200), caption: text(1000).optional() })).optional(),
});

export const translationFileSchema = z.strictObject({
  sessions: z.record(stableId, translatedSessionSchema),
});

/**
 * A translation of the source text aligned sentence by sentence: each `original` is a passage of
 * the source word for word, in order, and together they are the whole source.
 */
export const alignedTranslationSchema = z.strictObject({
  language: languageTag,
  kind: z.literal('reference-translation'),
  notice: text(500),
  sentences: z
    .array(
      z.strictObject({
        id: stableId,
        /** 1-based paragraph of the source the sentence belongs to. */
        paragraph: z.number().int().min(1),
        original: z.string().min(1).max(5000),
        translation: z.string().min(1).max(5000),
      }),
    )
    .min(1)
    .max(20000),
});

export const manifestSchema = z
  .strictObject({
    /** 1: one language. 2 adds `translations` (below) and media. A format-1 pack is read as before. */
    format: z.union([z.literal(1), z.literal(2)]),
    id: stableId,
    version: semver,
    title: text(200),
    description: text(2000).optional(),
    /** The language the pack is written in; the files of `translations` carry the others. */
    language: languageTag,
    publisher: z.strictObject({ name: text(200) }),
    /** Path of the full source text the material and every `source` quote come from. */
    sourceText: z.string().min(1).max(200).optional(),
    sessions: z.array(manifestSessionSchema).min(1).max(50),
    /** Format 2: the pack in other languages, by language tag (see the translations block below). */
    translations: z.record(languageTag, manifestTranslationSchema).optional(),
    /** Format 2: what earns the course certificate (see ./rules.ts). */
    course: courseRuleSchema.optional(),
  })
  .superRefine((m, ctx) => {
    // Per-session media (./media.ts) is format 2 as well; a format-1 pack is text only.
    if (m.format !== 1) return;
    m.sessions.forEach((s, i) => {
      for (const key of ['media', 'completion', 'credit'] as const) {
        if (s[key] !== undefined) {
          ctx.addIssue({ code: 'custom', path: ['sessions', i, key], message: `${key} needs "format": 2` });
        }
      }
    });
    if (m.course !== undefined) ctx.addIssue({ code: 'custom', path: ['course'], message: 'course needs "format": 2' });
  });

export type ManifestTranslation = z.infer<typeof manifestTranslationSchema>;
export type TranslationFile = z.infer<typeof translationFileSchema>;
export type TranslatedSession = z.infer<typeof translatedSessionSchema>;
export type TranslatedQuestion = z.infer<typeof translatedQuestionSchema>;
export type AlignedTranslation = z.infer<typeof alignedTranslationSchema>;

export type KeyPoint = z.infer<typeof keyPointSchema>;
export type Question = z.infer<typeof questionSchema>;
export type QuestionType = Question['type'];
export type SessionFile = z.infer<typeof sessionFileSchema>;
export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestSession = z.infer<typeof manifestSessionSchema>;
