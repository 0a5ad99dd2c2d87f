import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPack, validatePackFolder } from '../../../src/core/packs/build';
import { PackValidationError, type PackIssue } from '../../../src/core/packs/issues';
import { AppError } from '../../../src/shared/errors';
import { keys, MINI, miniCopy, tempDir } from './helpers/pack';

/** Edits a JSON file of a folder in place. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form edits of test JSON
function editJson(folder: string, path: string, edit: (v: any) => void): void {
  const file = join(folder, path);
  const value = JSON.parse(readFileSync(file, 'utf8'));
  edit(value);
  writeFileSync(file, JSON.stringify(value, null, 2));
}

async function issuesOf(folder: string): Promise<PackIssue[]> {
  const e = await validatePackFolder(folder).then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(PackValidationError);
  expect((e as AppError).code).toBe('PACK_INVALID');
  return [...(e as PackValidationError).issues];
}

describe('validatePackFolder', () => {
  it('loads the mini pack: manifest, sessions in order, material, source text, files', async () => {
    const pack = await validatePackFolder(MINI);
    expect(pack.manifest.id).toBe('mini-pack');
    expect(pack.sessions.map((s) => s.meta.id)).toEqual(['s1', 's2']);
    expect(pack.sessions[0]!.material).toContain('学习贵在坚持');
    expect(pack.sessions.flatMap((s) => s.content.quiz.questions.map((q) => q.type)).sort()).toEqual([
      'fill',
      'multiple',
      'single',
      'truefalse',
    ]);
    expect(pack.sourceText).toContain('实践出真知');
    expect(pack.files.map((f) => f.path)).toEqual([
      'manifest.json',
      'sessions/s1/material.md',
      'sessions/s1/session.json',
      'sessions/s2/material.md',
      'sessions/s2/session.json',
      'source/article.txt',
    ]);
  });

  it('names file, line and column of a JSON syntax error', async () => {
    const dir = miniCopy();
    writeFileSync(join(dir, 'sessions/s2/session.json'), '{\n  "keyPoints": [],\n  "quiz": { "passMark": 1, }\n}\n');
    const [issue] = await issuesOf(dir);
    expect(issue).toMatchObject({ entry: 'sessions/s2/session.json', rule: 'json-syntax', line: 3, column: 28 });
  });

  it('names file, JSON path, line and column of schema problems, all at once', async () => {
    const dir = miniCopy();
    editJson(dir, 'manifest.json', (m) => {
      m.version = '1.2';
      m.sessions[1].titel = 'typo';
    });
    const issues = await issuesOf(dir);
    expect(issues).toEqual([
      expect.objectContaining({ entry: 'manifest.json', rule: 'schema', path: 'version', line: 4, column: 14 }),
      expect.objectContaining({
        entry: 'manifest.json',
        rule: 'schema',
        path: 'sessions[1].titel',
        message: expect.stringMatching(/unknown property "titel"/),
      }),
    ]);
  });

  it('checks ids across the whole pack, answers against options, and fill answers', async () => {
    const dir = miniCopy();
    editJson(dir, 'sessions/s2/session.json', (s) => {
      s.keyPoints[0].id = 'kp-steps'; // also used in s1
      s.quiz.questions[0].answer = ['review', 'nope'];
      s.quiz.questions[1].answer = ['真知', '。'];
      s.quiz.questions[1].id = 'q-single'; // also used in s1
    });
    const issues = await issuesOf(dir);
    expect(issues.map((i) => [i.rule, i.path])).toEqual([
      ['duplicate-id', 'keyPoints[0].id'],
      ['answer', 'quiz.questions[0].answer[1]'],
      ['duplicate-id', 'quiz.questions[1].id'],
      ['answer', 'quiz.questions[1].answer[1]'],
    ]);
    expect(issues[0]!.message).toMatch(/already used at sessions\/s1\/session\.json keyPoints\[0\]\.id/);
    expect(issues.every((i) => i.entry === 'sessions/s2/session.json' && i.line !== undefined)).toBe(true);
  });

  it('checks that source quotes are word for word in the source text', async () => {
    const dir = miniCopy();
    editJson(dir, 'sessions/s1/session.json', (s) => {
      s.keyPoints[0].source = 'Study in big leaps every day.';
    });
    const [issue] = await issuesOf(dir);
    expect(issue).toMatchObject({ rule: 'source-quote', path: 'keyPoints[0].source' });
  });

  it('refuses unsafe, reserved and duplicate manifest paths before touching the disk', async () => {
    const dir = miniCopy();
    editJson(dir, 'manifest.json', (m) => {
      m.sessions[0].material = '../../etc/passwd';
      m.sessions[0].content = 'SHA256SUMS';
      m.sessions[1].material = 'Sessions/S2/session.json';
    });
    const issues = await issuesOf(dir);
    expect(issues.map((i) => [i.rule, i.path])).toEqual([
      ['unsafe-path', 'sessions[0].material'],
      ['reserved-path', 'sessions[0].content'],
      ['duplicate-path', 'sessions[1].content'],
    ]);
  });

  it('reports missing files, invalid UTF-8 (with line), empty material and symlinks', async () => {
    const dir = miniCopy();
    rmSync(join(dir, 'sessions/s2/session.json'));
    writeFileSync(
      join(dir, 'sessions/s1/material.md'),
      Buffer.concat([Buffer.from('# ok\nline two \xff\n', 'latin1')]),
    );
    writeFileSync(join(dir, 'sessions/s2/material.md'), '  \n');
    rmSync(join(dir, 'source/article.txt'));
    symlinkSync('/etc/hostname', join(dir, 'source/article.txt'));
    const issues = await issuesOf(dir);
    expect(issues.map((i) => [i.entry, i.rule, i.path ?? null, i.line ?? null])).toEqual([
      ['sessions/s1/material.md', 'utf8', null, 2],
      ['sessions/s2/material.md', 'empty-file', null, null],
      ['manifest.json', 'missing-file', 'sessions[1].content', 22],
      ['manifest.json', 'missing-file', 'sourceText', 9],
    ]);
    expect(issues[3]!.message).toMatch(/symbolic link/);
  });

  it('refuses a linked folder that leads outside the pack folder', async () => {
    const dir = miniCopy();
    const outside = tempDir();
    mkdirSync(join(outside, 's2'));
    writeFileSync(join(outside, 's2', 'material.md'), '# stolen\n');
    rmSync(join(dir, 'sessions/s2/material.md'));
    symlinkSync(join(outside, 's2', 'material.md'), join(dir, 'sessions/s2/material.md'));
    expect((await issuesOf(dir))[0]!.message).toMatch(/symbolic link/);
    rmSync(join(dir, 'sessions/s2'), { recursive: true });
    cpDir(join(MINI, 'sessions/s2'), join(outside, 's2'));
    symlinkSync(join(outside, 's2'), join(dir, 'sessions/s2'));
    expect((await issuesOf(dir))[0]!.message).toMatch(/outside the pack folder/);
  });

  it('says so when the folder or manifest is missing', async () => {
    await expect(validatePackFolder(join(tempDir(), 'nope'))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const [issue] = await issuesOf(tempDir());
    expect(issue).toMatchObject({ entry: 'manifest.json', rule: 'missing-file', message: 'does not exist' });
  });
});

function cpDir(from: string, to: string): void {
  for (const f of ['material.md', 'session.json']) writeFileSync(join(to, f), readFileSync(join(from, f)));
}

describe('buildPack', () => {
  it('is deterministic: same folder and key give the same bytes, wherever the folder is', async () => {
    const { a } = keys();
    const one = await buildPack(MINI, a.privateKeyPem);
    const two = await buildPack(miniCopy(), a.privateKeyPem);
    expect(two.equals(one)).toBe(true);
    expect((await buildPack(MINI, keys().b.privateKeyPem)).equals(one)).toBe(false);
  });

  it('refuses a bad key before reading the folder', async () => {
    await expect(buildPack(join(tempDir(), 'nope'), 'not a key')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('refuses a pack the app would refuse (compression-ratio check runs on the result)', async () => {
    const dir = miniCopy();
    // The source text: material has a size limit of its own (256 KiB) that would refuse it first.
    const source = join(dir, 'source/article.txt');
    writeFileSync(source, readFileSync(source, 'utf8') + ' '.repeat(3 * 1024 * 1024));
    await expect(buildPack(dir, keys().a.privateKeyPem)).rejects.toMatchObject({
      code: 'PACK_UNSAFE',
      message: expect.stringMatching(/would be refused by the app.*zip bomb/),
      detail: { rule: 'compression-ratio', entry: 'source/article.txt' },
    });
  });
});
