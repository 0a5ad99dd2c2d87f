import type { Question } from '../../shared/pack/schema';
import { normalizeAnswer } from '../text/normalize';
import type { PackIssue } from './issues';
import { jsonPathOf } from './json';
import { issueAt, type LocatedFile } from './located';
import { materialMediaIssues } from './materialMedia';
import type { PackContents } from './types';

/**
 * Rules the schema cannot express because they span values or files: ids unique across the whole
 * pack (progress is keyed by them), answers that point at real options, fill answers that can
 * ever be matched, `source` quotes that really are in the source text, and media the material
 * shows that really are its session's (materialMedia.ts).
 */
export interface LocatedContents extends PackContents {
  manifestFile: LocatedFile;
  /** Parallel to `sessions`. */
  contentFiles: LocatedFile[];
}

const normalizeQuote = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim();

function questionIssues(q: Question, at: (path: PropertyKey[], msg: string) => PackIssue): PackIssue[] {
  const out: PackIssue[] = [];
  if (q.type === 'single' || q.type === 'multiple') {
    const ids = new Set<string>();
    q.options.forEach((o, i) => {
      if (ids.has(o.id)) out.push(at(['options', i, 'id'], `option id "${o.id}" appears twice in this question`));
      ids.add(o.id);
    });
    const chosen = new Set<string>();
    q.answer.forEach((a, i) => {
      if (!ids.has(a)) out.push(at(['answer', i], `answer "${a}" is not one of the options (${[...ids].join(', ')})`));
      if (chosen.has(a)) out.push(at(['answer', i], `answer "${a}" is listed twice`));
      chosen.add(a);
    });
  }
  if (q.type === 'fill') {
    const seen = new Set<string>();
    q.answer.forEach((a, i) => {
      const n = normalizeAnswer(a); // the grading rule, so these checks match what grading accepts
      if (!n) {
        out.push(at(['answer', i], `accepted answer "${a}" is only punctuation or spaces, which matching ignores`));
      } else if (seen.has(n)) {
        const why = 'matching ignores case, width, and surrounding spaces and punctuation';
        out.push(at(['answer', i], `accepted answer "${a}" repeats another one (${why})`));
      }
      seen.add(n);
    });
  }
  return out;
}

export function crossCheck(pack: LocatedContents): PackIssue[] {
  const issues: PackIssue[] = [];
  const m = pack.manifestFile;
  const sessionIds = new Map<string, number>();
  pack.manifest.sessions.forEach((s, i) => {
    const first = sessionIds.get(s.id);
    if (first !== undefined) {
      issues.push(
        issueAt(m, ['sessions', i, 'id'], 'duplicate-id', `session id "${s.id}" is already used by sessions[${first}]`),
      );
    } else sessionIds.set(s.id, i);
  });

  // Exact search first; the whitespace-normalised copy of a large source is made only if needed.
  let normalizedSource: string | null = null;
  const inSource = (quote: string): boolean => {
    const text = pack.sourceText;
    if (text === null || text.includes(quote)) return true;
    normalizedSource ??= normalizeQuote(text);
    return normalizedSource.includes(normalizeQuote(quote));
  };
  const keyPointIds = new Map<string, string>();
  const questionIds = new Map<string, string>();
  const claim = (ids: Map<string, string>, kind: string, id: string, file: LocatedFile, path: PropertyKey[]) => {
    const where = `${file.entry} ${jsonPathOf(path)}`;
    const first = ids.get(id);
    if (first !== undefined) {
      const message = `${kind} id "${id}" is already used at ${first}; ids must be unique in the whole pack`;
      issues.push(issueAt(file, path, 'duplicate-id', message));
    } else ids.set(id, where);
  };
  const checkQuote = (file: LocatedFile, path: PropertyKey[], quote: string) => {
    if (!inSource(quote)) {
      issues.push(
        issueAt(
          file,
          path,
          'source-quote',
          `is not a word-for-word quote of ${pack.manifest.sourceText ?? 'the source text'}`,
        ),
      );
    }
  };

  pack.sessions.forEach((s, si) => {
    const file = pack.contentFiles[si];
    if (!file) return;
    s.content.keyPoints.forEach((k, i) => {
      claim(keyPointIds, 'key point', k.id, file, ['keyPoints', i, 'id']);
      checkQuote(file, ['keyPoints', i, 'source'], k.source);
    });
    s.content.quiz.questions.forEach((q, i) => {
      const base = ['quiz', 'questions', i];
      claim(questionIds, 'question', q.id, file, [...base, 'id']);
      checkQuote(file, [...base, 'source'], q.source);
      issues.push(...questionIssues(q, (path, msg) => issueAt(file, [...base, ...path], 'answer', msg)));
    });
  });
  issues.push(...materialMediaIssues(pack));
  return issues;
}
