import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPack } from '../../../src/core/packs/build';
import { generateKeyPair } from '../../../src/core/packs/keys';
import { markdownBlocks } from '../../../src/shared/pack/markdown-blocks';
import { MARKDOWN_LIMITS, markdownProblems } from '../../../src/shared/pack/markdown-limits';
import { builtinFolder } from '../support/core';
import { tempDir } from '../support/temp';

/** The inputs from the issue, each of which froze or crashed the renderer. */
export const PATHOLOGICAL: Record<string, string> = {
  'nested quotes (20 KB of >)': '>'.repeat(20_000) + ' deep',
  'brackets (200 KB of [)': '['.repeat(200_000),
  'emphasis openers (200 KB of *a)': '*a'.repeat(100_000),
  'one 50 MB line': 'x'.repeat(50 * 1024 * 1024),
  'a 700-level list': Array.from({ length: 700 }, (_, i) => `${' '.repeat(i * 2)}- item ${i}`).join('\n'),
};

const problems = (text: string) => markdownProblems(text, Buffer.byteLength(text)).map((p) => p.rule);

describe('item 6: material limits, checked by studypack build and the verifier', () => {
  it.each(Object.entries(PATHOLOGICAL))('%s is over the limits', (_what, text) => {
    expect(problems(text).length).toBeGreaterThan(0);
  });

  it('ordinary material, long articles included, is within them', () => {
    const article = Array.from(
      { length: 200 },
      (_, i) => `## 第${i}节\n\n学习贵在坚持，每天进步一点点。*重点*：[见上文](#第${i}节)。`,
    ).join('\n\n');
    expect(problems(article)).toEqual([]);
    expect(problems('> a\n> > b\n\n- x\n  - y\n    - z')).toEqual([]);
  });

  it('build refuses a pack whose material nests too deep, naming the entry and the line', async () => {
    const folder = join(tempDir('study-md-'), 'pack');
    cpSync(builtinFolder, folder, { recursive: true });
    writeFileSync(
      join(folder, 'sessions/s2/material.md'),
      `# 第二讲\n\n${'> '.repeat(MARKDOWN_LIMITS.maxNesting + 1)}x\n`,
    );
    await expect(buildPack(folder, generateKeyPair().privateKeyPem)).rejects.toMatchObject({
      issues: [expect.objectContaining({ entry: 'sessions/s2/material.md', rule: 'markdown-nesting', line: 3 })],
    });
  });

  it('the renderer splits long material into blocks that keep fences and lists whole', () => {
    const fence = '```\ncode\n\nmore code\n```';
    const text = Array.from({ length: 40 }, (_, i) => `## ${i}\n\n${'文'.repeat(300)}\n\n- a\n\n- b\n\n${fence}`).join(
      '\n\n',
    );
    const blocks = markdownBlocks(text);
    expect(blocks.length).toBeGreaterThan(5);
    expect(blocks.join('\n')).toBe(text);
    for (const b of blocks) {
      expect((b.match(/```/g) ?? []).length % 2).toBe(0);
    }
  });
});
