import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkGrounding, uncoveredSentences, type GroundingInput } from '../../../src/core/content/grounding';
import { validatePackFolder } from '../../../src/core/packs/build';
import { sessionFileSchema } from '../../../src/shared/pack/schema';
import { builtinFolder, repoRoot } from '../support/core';

let input: GroundingInput;

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
