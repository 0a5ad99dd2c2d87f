import { describe, expect, it } from 'vitest';
import { materialMediaIssues } from '../../../src/core/packs/materialMedia';
import type { PackContents } from '../../../src/core/packs/types';

/**
 * Material referring to media, directly on contents in memory (docs/testing.md, mutation testing):
 * which references are refused, in the original and each translation, and what the refusal says.
 */

// The contents are built loosely: only the fields the rule reads matter.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

function contents(edit: (c: Json) => void = () => {}): PackContents {
  const c: Json = {
    manifest: {},
    sourceText: null,
    sessions: [
      {
        meta: {
          id: 's1',
          material: 'sessions/s1/material.md',
          media: [
            { path: 'media/board.png', kind: 'image' },
            { path: 'media/slides.pdf', kind: 'pdf' },
          ],
        },
        material: '# One\n\n![board](media/board.png)\n\n[slides](media/slides.pdf)',
      },
      { meta: { id: 's2', material: 'sessions/s2/material.md' }, material: 'No media here.' },
    ],
    translations: [
      {
        language: 'zh-CN',
        meta: { material: { s1: 'translations/zh-CN/s1.md', s2: 'translations/zh-CN/s2.md' } },
        material: { s1: '# 一\n\n![板书](media/board.png)', s2: '没有媒体。' },
      },
    ],
  };
  edit(c);
  return c as PackContents;
}
const brief = (pack: PackContents) => materialMediaIssues(pack).map((i) => `${i.entry} ${i.rule} ${i.line}`);

describe('materialMediaIssues', () => {
  it("accepts material showing its own session's media, in every language", () => {
    expect(materialMediaIssues(contents())).toEqual([]);
  });

  it('refuses media of another session, in the original and in a translation, each at its line', () => {
    const pack = contents((c) => {
      c.sessions[1].material = 'Text.\n\n![board](media/board.png)';
      c.translations[0].material.s2 = '文本。\n\n文本。\n\n[讲义](media/slides.pdf)';
    });
    expect(brief(pack)).toEqual([
      'sessions/s2/material.md material-media 3',
      'translations/zh-CN/s2.md material-media 5',
    ]);
    const [original, translated] = materialMediaIssues(pack);
    expect(original!.message).toBe(
      'the image "media/board.png" is not media of session "s2" (it has no media); material may show only its own session\'s media, by pack path',
    );
    expect(translated!.message).toMatch(
      /^the link "media\/slides.pdf" is not media of session "s2" \(it has no media\)/,
    );
  });

  it("names the session's own media in the refusal", () => {
    const pack = contents((c) => (c.sessions[0].material += '\n\n![x](media/other.png)'));
    expect(brief(pack)).toEqual(['sessions/s1/material.md material-media 7']);
    expect(materialMediaIssues(pack)[0]!.message).toContain('(its media: media/board.png, media/slides.pdf)');
  });

  it('checks a translation only where it has both the text and the entry of a session', () => {
    const bad = '![x](media/nope.png)';
    const textOnly = contents((c) => {
      c.translations[0].material.s2 = bad;
      delete c.translations[0].meta.material.s2;
    });
    expect(materialMediaIssues(textOnly)).toEqual([]);
    const entryOnly = contents((c) => delete c.translations[0].material.s2);
    expect(materialMediaIssues(entryOnly)).toEqual([]);
    const both = contents((c) => (c.translations[0].material.s1 = bad));
    expect(brief(both)).toEqual(['translations/zh-CN/s1.md material-media 1']);
  });
});
