import { alignedTranslationText, materialBlocks } from '../../shared/pack/aligned';
import {
  alignedTranslationSchema,
  translationFileSchema,
  type AlignedTranslation,
  type Manifest,
  type TranslatedSession,
} from '../../shared/pack/schema';
import { normalizeAnswer } from '../text/normalize';
import type { PackIssue } from './issues';
import { checkSchema, issueAt, readJson, type LocatedFile } from './located';
import type { PackSession, PackTranslation } from './types';

/**
 * The translations of a format-2 pack: loaded with the same reader as the rest of the pack and
 * checked against it, so a translation can never lose an id (progress would not follow), add one
 * the pack lacks, leave a string in the other language, or quote text its source does not have.
 */

/** Every path `translations` references, with the JSON path of the reference in manifest.json. */
export function translationPaths(manifest: Manifest): Array<{ at: PropertyKey[]; path: string }> {
  return Object.entries(manifest.translations ?? {}).flatMap(([lang, t]) => [
    { at: ['translations', lang, 'content'], path: t.content },
    ...Object.entries(t.material).map(([id, path]) => ({ at: ['translations', lang, 'material', id], path })),
    ...(t.sourceText === undefined ? [] : [{ at: ['translations', lang, 'sourceText'], path: t.sourceText }]),
  ]);
}

export interface TranslationReaders {
  bytes: (at: PropertyKey[], path: string) => Promise<Buffer | null>;
  text: (at: PropertyKey[], path: string) => Promise<string | null>;
}

export interface LoadedTranslation {
  translation: PackTranslation;
  contentFile: LocatedFile;
  sourceFile: LocatedFile | null;
}

async function readLocated(
  read: TranslationReaders,
  at: PropertyKey[],
  path: string,
  issues: PackIssue[],
): Promise<LocatedFile | null> {
  const bytes = await read.bytes(at, path);
  const file = bytes && readJson(path, bytes);
  if (file && !file.ok) issues.push(file.issue);
  return file?.ok ? file.value : null;
}

export async function loadTranslations(
  manifest: Manifest,
  read: TranslationReaders,
  issues: PackIssue[],
): Promise<LoadedTranslation[]> {
  const out: LoadedTranslation[] = [];
  for (const [language, meta] of Object.entries(manifest.translations ?? {})) {
    const at = ['translations', language];
    const contentFile = await readLocated(read, [...at, 'content'], meta.content, issues);
    const content = contentFile && checkSchema(contentFile, translationFileSchema, issues);
    const material: Record<string, string> = {};
    for (const [id, path] of Object.entries(meta.material)) {
      const text = await read.text([...at, 'material', id], path);
      if (text !== null) material[id] = text;
    }
    let sourceFile: LocatedFile | null = null;
    let sourceText: AlignedTranslation | null = null;
    if (meta.sourceText !== undefined) {
      sourceFile = await readLocated(read, [...at, 'sourceText'], meta.sourceText, issues);
      sourceText = sourceFile && checkSchema(sourceFile, alignedTranslationSchema, issues);
    }
    if (contentFile && content) {
      out.push({ translation: { language, meta, content, material, sourceText }, contentFile, sourceFile });
    }
  }
  return out;
}

const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

/** Where each aligned `original` breaks the rule that, in order, they are the whole source. */
function alignmentIssues(file: LocatedFile, aligned: AlignedTranslation, source: string): PackIssue[] {
  const issues: PackIssue[] = [];
  const ids = new Set<string>();
  let pos = 0;
  // The paragraph of the last sentence found in the source; 0 until one is (a refused one says nothing).
  let paragraph = 0;
  aligned.sentences.forEach((s, i) => {
    const at = ['sentences', i];
    if (ids.has(s.id)) issues.push(issueAt(file, [...at, 'id'], 'duplicate-id', `sentence id "${s.id}" appears twice`));
    ids.add(s.id);
    const found = source.indexOf(s.original, pos);
    const gap = found < 0 ? '' : source.slice(pos, found);
    if (found < 0 || /\S/.test(gap)) {
      const message =
        'is not the next passage of the source text word for word (sentences must follow the source in order, leaving nothing out)';
      issues.push(issueAt(file, [...at, 'original'], 'aligned-source', message));
      return;
    }
    const expected = paragraph === 0 ? 1 : gap.includes('\n') ? paragraph + 1 : paragraph;
    if (s.paragraph !== expected) {
      issues.push(
        issueAt(
          file,
          [...at, 'paragraph'],
          'aligned-paragraph',
          `is ${s.paragraph}; the source puts this sentence in paragraph ${expected}`,
        ),
      );
    }
    paragraph = s.paragraph;
    pos = found + s.original.length;
  });
  if (issues.length === 0 && /\S/.test(source.slice(pos))) {
    issues.push(issueAt(file, ['sentences'], 'aligned-source', 'leaves the end of the source text untranslated'));
  }
  return issues;
}

function keySetIssues(
  file: LocatedFile,
  at: PropertyKey[],
  kind: string,
  expected: readonly string[],
  given: Record<string, unknown> | undefined,
): PackIssue[] {
  const have = new Set(Object.keys(given ?? {}));
  const want = new Set(expected);
  return [
    ...expected
      .filter((id) => !have.has(id))
      .map((id) => issueAt(file, at, 'translation-missing', `has no translation of ${kind} "${id}"`)),
    ...[...have]
      .filter((id) => !want.has(id))
      .map((id) => issueAt(file, [...at, id], 'translation-unknown', `${kind} "${id}" is not in the pack`)),
  ];
}

function sessionIssues(
  file: LocatedFile,
  s: PackSession,
  t: TranslatedSession,
  inSource: (q: string) => boolean,
): PackIssue[] {
  const base = ['sessions', s.meta.id];
  const issues = [
    ...keySetIssues(
      file,
      [...base, 'keyPoints'],
      'key point',
      s.content.keyPoints.map((k) => k.id),
      t.keyPoints,
    ),
    ...keySetIssues(
      file,
      [...base, 'questions'],
      'question',
      s.content.quiz.questions.map((q) => q.id),
      t.questions,
    ),
  ];
  const quote = (at: PropertyKey[], text: string) => {
    if (!inSource(text))
      issues.push(issueAt(file, at, 'source-quote', 'is not a word-for-word quote of the translated source text'));
  };
  for (const k of s.content.keyPoints) {
    const tk = t.keyPoints[k.id];
    if (tk) quote([...base, 'keyPoints', k.id, 'source'], tk.source);
  }
  for (const q of s.content.quiz.questions) {
    const tq = t.questions[q.id];
    if (!tq) continue;
    const at = [...base, 'questions', q.id];
    quote([...at, 'source'], tq.source);
    if (q.type === 'single' || q.type === 'multiple') {
      issues.push(
        ...keySetIssues(
          file,
          [...at, 'options'],
          'option',
          q.options.map((o) => o.id),
          tq.options,
        ),
      );
    } else if (tq.options) {
      issues.push(issueAt(file, [...at, 'options'], 'translation-unknown', `a ${q.type} question has no options`));
    }
    if (q.type === 'fill') {
      if (!tq.answer) issues.push(issueAt(file, at, 'translation-missing', 'has no accepted answers in this language'));
      const seen = new Set<string>();
      tq.answer?.forEach((a, i) => {
        const n = normalizeAnswer(a);
        if (!n || seen.has(n)) {
          issues.push(
            issueAt(
              file,
              [...at, 'answer', i],
              'answer',
              `accepted answer "${a}" is empty or repeats another one once normalised`,
            ),
          );
        }
        seen.add(n);
      });
    } else if (tq.answer) {
      issues.push(
        issueAt(
          file,
          [...at, 'answer'],
          'translation-unknown',
          `only fill questions have translated answers; a ${q.type} question's answer is the pack's own`,
        ),
      );
    }
  }
  return issues;
}

/** The cross-file rules of every translation (see the module comment). */
export function translationIssues(
  manifest: Manifest,
  manifestFile: LocatedFile,
  sessions: readonly PackSession[],
  sourceText: string | null,
  loaded: readonly LoadedTranslation[],
): PackIssue[] {
  const issues: PackIssue[] = [];
  if (manifest.translations && manifest.format < 2) {
    issues.push(issueAt(manifestFile, ['translations'], 'format', 'translations need "format": 2'));
  }
  const ids = sessions.map((s) => s.meta.id);
  for (const { translation: t, contentFile, sourceFile } of loaded) {
    const at = ['translations', t.language];
    if (t.language === manifest.language) {
      issues.push(issueAt(manifestFile, at, 'translation-language', `the pack itself is in "${t.language}"`));
    }
    issues.push(...keySetIssues(manifestFile, [...at, 'material'], 'session', ids, t.meta.material));
    issues.push(...keySetIssues(contentFile, ['sessions'], 'session', ids, t.content.sessions));
    if (sourceText !== null && t.sourceText === null && t.meta.sourceText === undefined) {
      issues.push(
        issueAt(
          manifestFile,
          at,
          'translation-missing',
          'the pack has a source text, so its translation needs an aligned "sourceText"',
        ),
      );
    }
    if (sourceFile && t.sourceText && sourceText !== null)
      issues.push(...alignmentIssues(sourceFile, t.sourceText, sourceText));
    const translatedSource = t.sourceText ? squash(alignedTranslationText(t.sourceText)) : null;
    const inSource = (q: string) => translatedSource === null || translatedSource.includes(squash(q));
    for (const s of sessions) {
      const ts = t.content.sessions[s.meta.id];
      if (ts) issues.push(...sessionIssues(contentFile, s, ts, inSource));
      const material = t.material[s.meta.id];
      if (material === undefined) continue;
      const mine = materialBlocks(material).map((b) => (b.match(/^#+\s/)?.[0] ?? '').trim());
      const theirs = materialBlocks(s.material).map((b) => (b.match(/^#+\s/)?.[0] ?? '').trim());
      if (mine.join('|') !== theirs.join('|')) {
        issues.push({
          entry: t.meta.material[s.meta.id] ?? null,
          rule: 'translation-blocks',
          message: `has ${mine.length} blocks (headings and paragraphs); ${s.meta.material} has ${theirs.length} in another order of headings: the side-by-side view pairs them one to one`,
        });
      }
    }
  }
  return issues;
}
