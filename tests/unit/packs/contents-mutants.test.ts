import { describe, expect, it } from 'vitest';
import {
  loadPackContents,
  mediaPaths,
  referencedPaths,
  textPaths,
  type PackReader,
} from '../../../src/core/packs/contents';
import { PackValidationError, type PackIssue } from '../../../src/core/packs/issues';
import { PACK_LIMITS } from '../../../src/core/packs/limits';
import type { Manifest } from '../../../src/shared/pack/schema';
import { VTT_EN, VTT_ZH } from '../../fixtures/media/make';
import { miniFiles } from './helpers/pack';

/*
 * Loading a pack's meaning from its files, shared by the builder and the verifier. Mutation testing
 * (docs/testing.md) found that the places it reports (the JSON path of a missing caption, material
 * or source text), the files it keeps, and the rules it applies to the source text and to chapters
 * could change unnoticed. The media files themselves are never read here, so none is made.
 */

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The mini pack as a format-2 manifest with two recordings (captions, chapters) and a PDF. */
function mediaMini(): { files: Map<string, Buffer>; manifest: Json } {
  const files = miniFiles();
  const manifest = JSON.parse(files.get('manifest.json')!.toString()) as Json;
  manifest.format = 2;
  manifest.sessions[0].media = [
    {
      path: 'media/s1.mp4',
      kind: 'video',
      title: '第一讲录像',
      duration: 6,
      captions: [
        { language: 'zh-CN', label: '中文', path: 'media/s1.zh-CN.vtt' },
        { language: 'en', label: 'English', path: 'media/s1.en.vtt' },
      ],
      chapters: [
        { start: 0, title: '开场', keyPoints: ['kp-steps'] },
        { start: 3, title: 'Practice' },
      ],
    },
    { path: 'media/slides.pdf', kind: 'pdf', title: 'Slides' },
  ];
  manifest.sessions[1].media = [
    {
      path: 'media/s2.m4a',
      kind: 'audio',
      title: 'Audio',
      duration: 4,
      captions: [{ language: 'zh-CN', path: 'media/s2.vtt' }],
    },
  ];
  files.set('media/s1.zh-CN.vtt', Buffer.from(VTT_ZH));
  files.set('media/s1.en.vtt', Buffer.from(VTT_EN));
  files.set('media/s2.vtt', Buffer.from(VTT_ZH));
  return { files, manifest };
}

function readerOf(files: Map<string, Buffer>, manifest: Json): { read: PackReader; asked: string[] } {
  const asked: string[] = [];
  const read: PackReader = async (path) => {
    asked.push(path);
    if (path === 'manifest.json') return Buffer.from(JSON.stringify(manifest, null, 2));
    return files.get(path) ?? 'does not exist';
  };
  return { read, asked };
}

async function issuesOf(edit: (files: Map<string, Buffer>, manifest: Json) => void): Promise<PackIssue[]> {
  const { files, manifest } = mediaMini();
  edit(files, manifest);
  try {
    await loadPackContents(readerOf(files, manifest).read, PACK_LIMITS);
  } catch (e) {
    if (e instanceof PackValidationError) return [...e.issues];
    throw e;
  }
  return [];
}

const brief = (issues: PackIssue[]) => issues.map((i) => [i.entry, i.rule, i.path ?? null]);

describe('the paths a manifest references', () => {
  it('lists text files (material, content, captions, source, translations) and media, each with its JSON path', () => {
    const { manifest } = mediaMini();
    const m = manifest as Manifest;
    const at = (refs: { at: PropertyKey[]; path: string }[]) => refs.map((r) => [r.at.join('.'), r.path]);
    expect(at(textPaths(m))).toEqual([
      ['sessions.0.material', 'sessions/s1/material.md'],
      ['sessions.0.content', 'sessions/s1/session.json'],
      ['sessions.0.media.0.captions.0.path', 'media/s1.zh-CN.vtt'],
      ['sessions.0.media.0.captions.1.path', 'media/s1.en.vtt'],
      ['sessions.1.material', 'sessions/s2/material.md'],
      ['sessions.1.content', 'sessions/s2/session.json'],
      ['sessions.1.media.0.captions.0.path', 'media/s2.vtt'],
      ['sourceText', 'source/article.txt'],
    ]);
    expect(at(mediaPaths(m))).toEqual([
      ['sessions.0.media.0.path', 'media/s1.mp4'],
      ['sessions.0.media.1.path', 'media/slides.pdf'],
      ['sessions.1.media.0.path', 'media/s2.m4a'],
    ]);
    expect(referencedPaths(m)).toEqual([...textPaths(m), ...mediaPaths(m)]);
    delete manifest.sourceText;
    expect(at(textPaths(m)).map(([a]) => a)).not.toContain('sourceText');
  });
});

describe('loadPackContents', () => {
  it('reads every text file once, keeps their bytes for the builder and none for the verifier', async () => {
    const { files, manifest } = mediaMini();
    const kept = readerOf(files, manifest);
    const loaded = await loadPackContents(kept.read, PACK_LIMITS);
    expect([...loaded.files.keys()].sort()).toEqual(
      [
        'manifest.json',
        'sessions/s1/material.md',
        'sessions/s1/session.json',
        'sessions/s2/material.md',
        'sessions/s2/session.json',
        'media/s1.zh-CN.vtt',
        'media/s1.en.vtt',
        'media/s2.vtt',
        'source/article.txt',
      ].sort(),
    );
    expect(kept.asked.filter((p) => p.startsWith('media/'))).toEqual([
      'media/s1.zh-CN.vtt',
      'media/s1.en.vtt',
      'media/s2.vtt',
    ]);
    expect(loaded.contents.sessions.map((s) => s.meta.id)).toEqual(['s1', 's2']);
    expect(loaded.contents.sourceText).toBe(files.get('source/article.txt')!.toString());

    const bare = await loadPackContents(readerOf(files, manifest).read, PACK_LIMITS, { keepBytes: false });
    expect(bare.files.size).toBe(0);
    expect(bare.contents.sessions).toHaveLength(2);
  });

  it('reports a missing manifest, and a manifest that is not JSON, at the manifest', async () => {
    await expect(loadPackContents(async () => 'does not exist', PACK_LIMITS)).rejects.toMatchObject({
      issues: [{ entry: 'manifest.json', rule: 'missing-file', message: 'does not exist' }],
    });
    await expect(loadPackContents(async () => Buffer.from('{"format": 2,'), PACK_LIMITS)).rejects.toMatchObject({
      issues: [{ entry: 'manifest.json', rule: 'json-syntax', line: 1 }],
    });
  });

  it('a missing material, caption or source text is reported at the manifest line that names it', async () => {
    const issues = await issuesOf((files) => {
      files.delete('sessions/s2/material.md');
      files.delete('media/s1.en.vtt');
      files.delete('source/article.txt');
    });
    expect(brief(issues)).toEqual([
      ['manifest.json', 'missing-file', 'sessions[1].material'],
      ['manifest.json', 'missing-file', 'sessions[0].media[0].captions[1].path'],
      ['manifest.json', 'missing-file', 'sourceText'],
    ]);
    expect(issues.every((i) => typeof i.line === 'number' && i.line > 1)).toBe(true);
    expect(issues[0]!.message).toBe('"sessions/s2/material.md" does not exist');
  });

  it('refuses hidden characters and Markdown over its limits in the material, and hidden ones in the source text', async () => {
    const issues = await issuesOf((files) => {
      files.set('sessions/s1/material.md', Buffer.from(`# 学习\n\n${'很长的段落。'.repeat(800)}\n\n隐藏\u202e字符\n`));
      files.set('source/article.txt', Buffer.from('原文\u200b有零宽空格'));
    });
    expect(issues.map((i) => [i.entry, i.rule, i.line ?? null])).toEqual([
      ['sessions/s1/material.md', 'hidden-character', null],
      ['sessions/s1/material.md', 'markdown-paragraph-length', 3],
      ['source/article.txt', 'hidden-character', null],
    ]);
  });

  it('refuses an empty material', async () => {
    const issues = await issuesOf((files) => files.set('sessions/s2/material.md', Buffer.from(' \n\t\n')));
    expect(issues).toEqual([
      { entry: 'sessions/s2/material.md', rule: 'empty-file', message: 'the session material is empty' },
    ]);
  });

  it('a chapter may point only at key points of its own session, and needs none', async () => {
    const issues = await issuesOf((_, manifest) => {
      manifest.sessions[0].media[0].chapters[1].keyPoints = ['kp-steps', 'kp-elsewhere'];
    });
    expect(brief(issues)).toEqual([
      ['manifest.json', 'chapter-key-point', 'sessions[0].media[0].chapters[1].keyPoints[1]'],
    ]);
    expect(issues[0]!.message).toBe('"kp-elsewhere" is not a key point of session "s1"');
  });

  it('says why a referenced path is refused, naming it', async () => {
    const issues = await issuesOf((_, manifest) => {
      manifest.sessions[1].material = '../outside.md';
      manifest.sessions[1].content = 'manifest.json';
      manifest.sessions[1].media[0].captions[0].path = 'Media/S1.en.vtt';
    });
    expect(brief(issues)).toEqual([
      ['manifest.json', 'unsafe-path', 'sessions[1].material'],
      ['manifest.json', 'reserved-path', 'sessions[1].content'],
      ['manifest.json', 'duplicate-path', 'sessions[1].media[0].captions[0].path'],
    ]);
    expect(issues[0]!.message).toMatch(/^"\.\.\/outside\.md" .+; use a relative path like sessions\/s1\/material\.md$/);
    expect(issues[1]!.message).toBe('"manifest.json" is a name the pack format itself uses');
    expect(issues[2]!.message).toBe(
      '"Media/S1.en.vtt" is already used by sessions[0].media[0].captions[1].path (names differing only in case count as the same)',
    );
  });
});
