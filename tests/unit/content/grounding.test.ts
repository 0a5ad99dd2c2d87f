import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkGrounding, uncoveredSentences, type GroundingInput } from '../../../src/core/content/grounding';
import {
  checkTranslationGrounding,
  untranslatedSentences,
  type TranslationGroundingInput,
} from '../../../src/core/content/grounding-translation';
import { validatePackFolder } from '../../../src/core/packs/build';
import { sessionFileSchema, translatedSessionSchema } from '../../../src/shared/pack/schema';
import { builtinFolder, repoRoot } from '../support/core';

let input: GroundingInput;
let zh: TranslationGroundingInput;

beforeAll(async () => {
  const pack = await validatePackFolder(builtinFolder);
  input = {
    manifest: pack.manifest,
    source: pack.sourceText ?? '',
    sessions: pack.sessions.map((s) => ({
      id: s.meta.id,
      title: s.meta.title,
      summary: s.meta.summary,
      material: s.material,
      content: s.content,
    })),
  };
  const t = pack.translations.find((x) => x.language === 'zh-CN');
  if (!t?.sourceText) throw new Error('the built-in pack has no aligned zh-CN translation');
  zh = {
    language: t.language,
    source: input.source,
    aligned: t.sourceText,
    sessions: pack.sessions.map((s) => ({
      id: s.meta.id,
      original: { title: s.meta.title, summary: s.meta.summary, material: s.material, content: s.content },
      translated: { material: t.material[s.meta.id] ?? '', content: t.content.sessions[s.meta.id]! },
    })),
  };
});

describe('the built-in pack is grounded in the class article', () => {
  it('ships the article itself, byte for byte', () => {
    // The article as the organisers handed it over (SHA-256 5061fd55…), kept in the repository so
    // this comparison runs in every checkout.
    const article = join(repoRoot, 'tests', 'fixtures', 'content', 'training-class-article.txt');
    expect(input.source.length).toBeGreaterThan(5000);
    expect(input.source).toBe(readFileSync(article, 'utf8'));
  });

  it('has six sessions, each with at least 4 key points and 5 questions of all four types', () => {
    expect(input.sessions).toHaveLength(6);
    for (const s of input.sessions) {
      expect(s.content.keyPoints.length, s.id).toBeGreaterThanOrEqual(4);
      expect(s.content.quiz.questions.length, s.id).toBeGreaterThanOrEqual(5);
      expect(new Set(s.content.quiz.questions.map((q) => q.type)), s.id).toEqual(
        new Set(['single', 'multiple', 'truefalse', 'fill']),
      );
    }
  });

  it('cites the article word for word and invents no name, date or number', () => {
    expect(checkGrounding(input)).toEqual([]);
  });

  it('covers the whole article across the six sessions', () => {
    expect(
      uncoveredSentences(
        input.source,
        input.sessions.map((s) => s.material),
      ),
    ).toEqual([]);
  });

  it('fails a deliberately ungrounded session: invented name, invented year, misquoted source', () => {
    const bad = sessionFileSchema.parse(
      JSON.parse(readFileSync(join(repoRoot, 'tests/fixtures/content/ungrounded/session.json'), 'utf8')),
    );
    const s2 = input.sessions[1]!;
    const issues = checkGrounding({ ...input, sessions: [{ ...s2, content: bad }] });
    const problems = issues.map((i) => i.problem).join('\n');
    expect(problems).toMatch(/"Li" does not appear/);
    expect(problems).toMatch(/"2023" does not appear/);
    expect(problems).toMatch(/source is not a passage/);
  });
});

describe('the built-in pack in Chinese is grounded in its reference translation (参考译文)', () => {
  it('aligns every Chinese sentence with a word-for-word passage of the article, covering all of it in order', () => {
    const originals = zh.aligned.sentences.map((s) => s.original);
    let at = 0;
    for (const o of originals) {
      const found = input.source.indexOf(o, at);
      expect(found, o).toBeGreaterThanOrEqual(at);
      expect(input.source.slice(at, found).trim(), o).toBe('');
      at = found + o.length;
    }
    expect(input.source.slice(at).trim()).toBe('');
    expect(zh.aligned.notice).toMatch(/参考译文/);
  });

  it('keeps every name the article writes in Latin letters, and uses the standard Party terms', () => {
    const text = zh.aligned.sentences.map((s) => s.translation).join('');
    for (const name of ['Yang Hongbin', 'Xi Jinping', 'Wang Zhonglin', 'Sun Wei', 'Hou Ximin', 'Zhang Wenbing'])
      expect(text).toContain(name);
    for (const term of ['全面从严治党', '自我革命', '“四风”', '“三不腐”', '“一把手”', '先行区'])
      expect(text).toContain(term);
    expect(text).not.toMatch(/习近平|王忠林|孙伟|侯锡敏|张文兵|杨宏斌/);
  });

  it('quotes the translation word for word, aligned with the English quote, and invents no name or number', () => {
    expect(checkTranslationGrounding(zh)).toEqual([]);
  });

  it('covers the whole translation across the six sessions', () => {
    expect(
      untranslatedSentences(
        zh.aligned,
        zh.sessions.map((s) => s.translated.material),
      ),
    ).toEqual([]);
  });

  it('fails a deliberately ungrounded Chinese session: guessed name, invented year, misquote, misaligned quote', () => {
    const bad = translatedSessionSchema.parse(
      JSON.parse(readFileSync(join(repoRoot, 'tests/fixtures/content/ungrounded/session.zh-CN.json'), 'utf8')),
    );
    const s2 = zh.sessions[1]!;
    const issues = checkTranslationGrounding({
      ...zh,
      sessions: [{ ...s2, translated: { ...s2.translated, content: bad } }],
    });
    const problems = issues.map((i) => `${i.where}: ${i.problem}`).join('\n');
    expect(problems).toMatch(/s2-kp1: the name "Wang" is not kept/);
    expect(problems).toMatch(/s2-kp1: "2023" does not appear in the article/);
    expect(problems).toMatch(/s2-kp2: source is not a passage of the zh-CN translation/);
    expect(problems).toMatch(/s2-kp3: source renders other sentences/);
  });
});
