import type { AlignedTranslation, SessionFile, TranslatedSession } from '../../shared/pack/schema';
import { materialBlocks } from '../../shared/pack/aligned';
import type { GroundingIssue } from './grounding';

/**
 * The grounding rule for a translated pack. The reference translation is the translated pack's
 * source: each of its sentences renders one passage of the original word for word, keeps the
 * original's Latin-script names and numbers, and every translated quote is a passage of it whose
 * sentences are the ones the original quote comes from. Names the reference translation keeps in
 * Latin letters (people's names) must stay in Latin letters wherever the original text has them:
 * that catches Chinese characters guessed for a name.
 */
export interface TranslatedSessionInput {
  id: string;
  /** The session in the pack's own language, to align with. */
  original: { title: string; summary?: string | undefined; material: string; content: SessionFile };
  translated: { material: string; content: TranslatedSession };
}

export interface TranslationGroundingInput {
  language: string;
  /** The pack's source text (the original). */
  source: string;
  aligned: AlignedTranslation;
  sessions: TranslatedSessionInput[];
}

const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
const closedUp = /[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]$/;
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const latinWords = (text: string) => text.match(/[A-Za-z][A-Za-z-]*/g) ?? [];
const capitalised = (text: string) => latinWords(text).filter((w) => /^[A-Z]/.test(w));
const digitRuns = (text: string) => text.match(/\d+/g) ?? [];

/** The numbers a text states, month names included (a translation writes "August 18" as 8月18日). */
function numbersOf(text: string): Set<string> {
  const out = new Set(digitRuns(text));
  latinWords(text).forEach((w) => {
    const m = MONTHS.indexOf(w.toLowerCase());
    if (m >= 0) out.add(String(m + 1));
  });
  return out;
}

interface Spans {
  text: string;
  /** [start, end) of each sentence in `text`, parallel to the sentences. */
  spans: Array<[number, number]>;
}

function translatedSpans(aligned: AlignedTranslation): Spans {
  let text = '';
  let paragraph: number | null = null;
  const spans: Array<[number, number]> = [];
  for (const s of aligned.sentences) {
    const t = squash(s.translation);
    if (text && (s.paragraph !== paragraph || !closedUp.test(text))) text += ' ';
    spans.push([text.length, text.length + t.length]);
    text += t;
    paragraph = s.paragraph;
  }
  return { text, spans };
}

function originalSpans(source: string, aligned: AlignedTranslation): Spans {
  const text = squash(source);
  let pos = 0;
  const spans = aligned.sentences.map((s): [number, number] => {
    const o = squash(s.original);
    const at = text.indexOf(o, pos);
    if (at < 0) return [-1, -1];
    pos = at + o.length;
    return [at, pos];
  });
  return { text, spans };
}

/** Indices of the sentences a quote touches, or null when the quote is not a passage of the text. */
function sentencesOf(all: Spans, quote: string): Set<number> | null {
  const at = all.text.indexOf(squash(quote));
  if (at < 0) return null;
  const end = at + squash(quote).length;
  const hit = new Set<number>();
  all.spans.forEach(([s, e], i) => {
    if (s < end && e > at) hit.add(i);
  });
  return hit;
}

export function checkTranslationGrounding(input: TranslationGroundingInput): GroundingIssue[] {
  const issues: GroundingIssue[] = [];
  const lang = input.language;
  const translated = translatedSpans(input.aligned);
  const original = originalSpans(input.source, input.aligned);
  const sourceWords = new Set(latinWords(input.source));
  const knownNumbers = new Set([...digitRuns(translated.text), ...numbersOf(input.source)]);

  // The reference translation itself.
  const keptNames = new Set<string>();
  input.aligned.sentences.forEach((s, i) => {
    const where = `${lang} translation ${s.id}`;
    if (original.spans[i]?.[0] === -1) issues.push({ where, problem: 'its original is not a passage of the source' });
    const originalWords = new Set(latinWords(s.original));
    for (const w of latinWords(s.translation)) {
      if (!originalWords.has(w)) issues.push({ where, problem: `"${w}" is not in the sentence it translates` });
      else if (/^[A-Z]/.test(w)) keptNames.add(w);
    }
    const numbers = numbersOf(s.original);
    for (const n of digitRuns(s.translation)) {
      if (!numbers.has(n)) issues.push({ where, problem: `the number "${n}" is not in the sentence it translates` });
    }
  });

  const checkFacts = (where: string, text: string, originalText: string) => {
    for (const w of capitalised(text)) {
      if (!sourceWords.has(w)) issues.push({ where, problem: `"${w}" does not appear in the article` });
    }
    for (const n of digitRuns(text)) {
      if (!knownNumbers.has(n))
        issues.push({ where, problem: `"${n}" does not appear in the article or its translation` });
    }
    const have = new Set(latinWords(text));
    for (const name of new Set(capitalised(originalText).filter((w) => keptNames.has(w)))) {
      if (!have.has(name)) issues.push({ where, problem: `the name "${name}" is not kept as the source writes it` });
    }
  };
  const checkQuote = (where: string, quote: string, originalQuote: string) => {
    const mine = sentencesOf(translated, quote);
    if (!mine) {
      issues.push({ where, problem: `source is not a passage of the ${lang} translation: "${quote.slice(0, 40)}…"` });
      return;
    }
    const theirs = sentencesOf(original, originalQuote);
    if (theirs && ![...mine].some((i) => theirs.has(i))) {
      issues.push({ where, problem: 'source renders other sentences of the article than the original source quotes' });
    }
    for (const i of mine) {
      const s = input.aligned.sentences[i];
      if (s && !original.text.includes(squash(s.original)))
        issues.push({ where, problem: `aligned sentence ${s.id} is not in the article` });
    }
  };

  for (const s of input.sessions) {
    const t = s.translated.content;
    checkFacts(`${lang} ${s.id} title`, t.title, s.original.title);
    if (t.summary) checkFacts(`${lang} ${s.id} summary`, t.summary, s.original.summary ?? '');
    const blocks = materialBlocks(s.translated.material);
    const originalBlocks = materialBlocks(s.original.material);
    blocks.forEach((b, i) => {
      const where = `${lang} ${s.id} material`;
      if (b.startsWith('#')) checkFacts(`${where} heading`, b.replace(/^#+\s*/, ''), originalBlocks[i] ?? '');
      else if (!translated.text.includes(squash(b)))
        issues.push({ where, problem: `paragraph is not the translation's text: "${b.slice(0, 40)}…"` });
    });
    for (const k of s.original.content.keyPoints) {
      const tk = t.keyPoints[k.id];
      const where = `${lang} ${s.id}/${k.id}`;
      if (!tk) {
        issues.push({ where, problem: 'has no translation' });
        continue;
      }
      checkQuote(where, tk.source, k.source);
      checkFacts(where, tk.text, k.text);
    }
    for (const q of s.original.content.quiz.questions) {
      const tq = t.questions[q.id];
      const where = `${lang} ${s.id}/${q.id}`;
      if (!tq) {
        issues.push({ where, problem: 'has no translation' });
        continue;
      }
      checkQuote(where, tq.source, q.source);
      checkFacts(where, `${tq.prompt} ${tq.explanation}`, `${q.prompt} ${q.explanation}`);
      if (q.type === 'single' || q.type === 'multiple')
        q.options.forEach((o) => checkFacts(`${where} option ${o.id}`, tq.options?.[o.id] ?? '', o.text));
      if (q.type === 'fill') (tq.answer ?? []).forEach((a) => checkFacts(`${where} answer`, a, ''));
    }
  }
  return issues;
}

/** Sentences of the translation that no translated material contains (it must cover the article). */
export function untranslatedSentences(aligned: AlignedTranslation, materials: string[]): string[] {
  const all = squash(materials.join(' '));
  return aligned.sentences.filter((s) => !all.includes(squash(s.translation))).map((s) => s.id);
}
