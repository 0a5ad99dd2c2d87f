import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { validatePackFolder } from '../../../src/core/packs/build';
import { PackValidationError, type PackIssue } from '../../../src/core/packs/issues';
import { verifyPack } from '../../../src/core/packs/verify';
import { materialReferences } from '../../../src/shared/pack/markdown-refs';
import { makeMediaPackFolder } from '../../fixtures/media/make';
import { builtinFolder } from '../support/core';
import { tempDir } from '../support/temp';
import { expectRefusal, keys, miniFiles, signedZip } from './helpers/pack';

/** The issues `validatePackFolder` refuses the folder with (none when it builds). */
async function issuesOf(folder: string): Promise<readonly PackIssue[]> {
  try {
    await validatePackFolder(folder, { probeDuration: () => Promise.resolve(6) });
    return [];
  } catch (e) {
    if (e instanceof PackValidationError) return e.issues;
    throw e;
  }
}

describe('references from material to media, by pack path', () => {
  it('finds the pack paths of links and images, with their lines', () => {
    const text =
      '# 第一讲\n\n见 ![板书](media/board.png) 与\n[讲义](./media/slides.pdf#page=2)\n\n- [网](https://example.com/) [节](#第一讲) [讲](media/%E8%AE%B2.pdf)';
    expect(materialReferences(text)).toEqual([
      { kind: 'image', path: 'media/board.png', fragment: '', line: 3 },
      { kind: 'link', path: 'media/slides.pdf', fragment: 'page=2', line: 3 },
      { kind: 'link', path: 'media/讲.pdf', fragment: '', line: 6 },
    ]);
  });

  describe('studypack build', () => {
    let folder: string;
    beforeEach(() => {
      folder = makeMediaPackFolder(join(tempDir('material-media-'), 'pack'), { durations: true });
    });
    const material = (session: 's1' | 's2', text: string) =>
      writeFileSync(join(folder, 'sessions', session, 'material.md'), text);

    it("accepts material that shows its own session's picture and PDF", async () => {
      material('s1', '# 第一讲\n\n[讲义](media/slides.pdf) 在此。\n');
      material('s2', '# 第二讲\n\n![板书](media/board.png)\n');
      expect(await issuesOf(folder)).toEqual([]);
    });

    it('refuses a path that is not media of that session, naming the path, the session and the line', async () => {
      // board.png is session two's picture; nothing.pdf is nowhere; the captions are not media to show.
      material(
        's1',
        '# 第一讲\n\n正文。\n\n![板书](media/board.png) [无](media/nothing.pdf)\n\n[字幕](media/s1.en.vtt)\n',
      );
      material('s2', '# 第二讲\n\n![板书](media/board.png)\n');
      const issues = await issuesOf(folder);
      expect(issues).toEqual([
        expect.objectContaining({ entry: 'sessions/s1/material.md', rule: 'material-media', line: 5 }),
        expect.objectContaining({ entry: 'sessions/s1/material.md', rule: 'material-media', line: 5 }),
        expect.objectContaining({ entry: 'sessions/s1/material.md', rule: 'material-media', line: 7 }),
      ]);
      expect(issues[0]!.message).toContain('"media/board.png"');
      expect(issues[0]!.message).toContain('session "s1"');
      expect(issues[0]!.message).toContain('media/slides.pdf'); // what the session does carry
      expect(issues[1]!.message).toContain('"media/nothing.pdf"');
    });
  });

  it("checks translated material against its session's media too", async () => {
    const folder = join(tempDir('material-media-'), 'pack');
    cpSync(builtinFolder, folder, { recursive: true });
    const file = join(folder, 'sessions/s2/material.zh-CN.md');
    // Inside an existing sentence, so the blocks still pair with the original's.
    writeFileSync(file, readFileSync(file, 'utf8').replace('出席会议。', '出席会议。![合影](media/photo.jpg)'));
    expect(await issuesOf(folder)).toEqual([
      expect.objectContaining({ entry: 'sessions/s2/material.zh-CN.md', rule: 'material-media', line: 5 }),
    ]);
  });

  it('the verifier refuses the same, in a signed pack that was never built', async () => {
    const files = miniFiles();
    files.set('sessions/s1/material.md', Buffer.from('# 第一讲\n\n![图](media/board.png)\n'));
    const e = await expectRefusal(
      verifyPack(signedZip(files, keys().a.privateKeyPem)),
      'PACK_INVALID',
      'material-media',
      'sessions/s1/material.md',
    );
    expect(e.message).toContain('"media/board.png"');
    expect(e.detail?.line).toBe(3);
  });
});
