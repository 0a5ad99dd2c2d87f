import type { Manifest, SessionFile } from '../../shared/pack/schema';

export interface GroundingIssue {
  where: string;
  problem: string;
}

export interface GroundingInput {
  manifest: Manifest;
  source: string;
  sessions: Array<{ id: string; title: string; summary?: string | undefined; material: string; content: SessionFile }>;
}

const parts = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** Capitalised words (not starting a sentence) and anything with a digit: where invented names, dates and numbers show. */
function factTokens(text: string): string[] {
  const tokens: string[] = [];
  const words = text.split(/\s+/);
  words.forEach((raw, i) => {
    const sentenceStart = i === 0 || /[.!?:;。！？：；]["”’)]*$/.test(words[i - 1] ?? '');
    parts(raw).forEach((part, j) => {
      if (/\d/.test(part)) tokens.push(part);
      else if (/^\p{Lu}/u.test(part) && !(sentenceStart && j === 0) && !['I', 'True', 'False'].includes(part))
        tokens.push(part);
    });
  });
  return tokens;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The grounding rule of the built-in pack: every `source` is a passage of the article word for
 * word, every paragraph of material is the article's own text, and no capitalised name or number
 * appears that the article does not contain. Mechanical checks cannot prove a paraphrase true;
 * they do catch invented names, dates and misquotes, which is what slips in.
 */
export function checkGrounding(input: GroundingInput): GroundingIssue[] {
  const issues: GroundingIssue[] = [];
  const article = squash(input.source);
  const articleWords = new Set(parts(article));
  const checkFacts = (where: string, text: string) => {
    for (const t of factTokens(text)) {
      if (!articleWords.has(t)) issues.push({ where, problem: `"${t}" does not appear in the article` });
    }
  };
  const checkQuote = (where: string, quote: string) => {
    if (!article.includes(squash(quote)))
      issues.push({ where, problem: `source is not a passage of the article: "${quote.slice(0, 60)}…"` });
  };
  for (const s of input.sessions) {
    checkFacts(`${s.id} title`, s.title);
    if (s.summary) checkFacts(`${s.id} summary`, s.summary);
    for (const para of s.material.split(/\n\s*\n/)) {
      const text = para.trim();
      if (!text || text.startsWith('#')) continue;
      if (!article.includes(squash(text)))
        issues.push({
          where: `${s.id} material`,
          problem: `paragraph is not the article's text: "${text.slice(0, 60)}…"`,
        });
    }
    for (const h of s.material.split('\n').filter((l) => l.startsWith('#')))
      checkFacts(`${s.id} heading`, h.replace(/^#+\s*/, ''));
    for (const k of s.content.keyPoints) {
      checkQuote(`${s.id}/${k.id}`, k.source);
      checkFacts(`${s.id}/${k.id}`, k.text);
    }
    for (const q of s.content.quiz.questions) {
      const where = `${s.id}/${q.id}`;
      checkQuote(where, q.source);
      checkFacts(where, `${q.prompt} ${q.explanation}`);
      if (q.type === 'single' || q.type === 'multiple')
        q.options.forEach((o) => checkFacts(`${where} option ${o.id}`, o.text));
      if (q.type === 'fill') q.answer.forEach((a) => checkFacts(`${where} answer`, a));
    }
  }
  return issues;
}

/** Sentences of the article that no session's material contains (the pack must cover it all). */
export function uncoveredSentences(source: string, materials: string[]): string[] {
  const all = squash(materials.join(' '));
  return source
    .split(/\n+|(?<=[.;])\s+/)
    .map(squash)
    .filter((s) => s.length > 20 && !all.includes(s));
}
