import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPack, validatePackFolder } from '../../../src/core/packs/build';
import { PackValidationError } from '../../../src/core/packs/issues';
import { generateKeyPair } from '../../../src/core/packs/keys';
import { verifyPack } from '../../../src/core/packs/verify';
import { builtinFolder } from '../support/core';
import { tempDir } from '../support/temp';

/** A copy of the built-in pack with one file changed by `edit`. */
function copyWith(file: string, edit: (text: string) => string): string {
  const folder = join(tempDir('translated-'), 'pack');
  cpSync(builtinFolder, folder, { recursive: true });
  const path = join(folder, file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return folder;
}

async function issuesOf(folder: string): Promise<string[]> {
  try {
    await validatePackFolder(folder);
    return [];
  } catch (e) {
    if (!(e instanceof PackValidationError)) throw e;
    return e.issues.map((i) => `${i.entry} ${i.rule} ${i.path ?? ''} ${i.message}`);
  }
}

// The edits reach deep into arbitrary pack JSON; typing each path would only restate the files.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const json = (edit: (v: Json) => void) => (text: string) => {
  const v = JSON.parse(text) as Json;
  edit(v);
  return JSON.stringify(v, null, 2);
};

describe('translated packs (format 2)', () => {
  it('builds, signs and verifies the built-in pack with its Chinese translation', async () => {
    const bytes = await buildPack(builtinFolder, generateKeyPair().privateKeyPem);
    const pack = await verifyPack(bytes);
    expect(pack.manifest.format).toBe(2);
    expect(pack.translations.map((t) => t.language)).toEqual(['zh-CN']);
    const zh = pack.translations[0]!;
    expect(Object.keys(zh.material)).toEqual(['s1', 's2', 's3', 's4', 's5', 's6']);
    expect(zh.sourceText?.notice).toMatch(/^参考译文/);
    expect(pack.files.map((f) => f.path)).toContain('translations/zh-CN.json');
  });

  it('refuses translations in a format-1 manifest', async () => {
    const folder = copyWith(
      'manifest.json',
      json((m) => (m.format = 1)),
    );
    expect((await issuesOf(folder)).join('\n')).toMatch(
      /manifest\.json format translations translations need "format": 2/,
    );
  });

  it('refuses a translation that loses a key point, adds a question or misses an option', async () => {
    const folder = copyWith(
      'translations/zh-CN.json',
      json((t) => {
        delete t.sessions.s1.keyPoints['s1-kp2'];
        t.sessions.s1.questions['s1-q99'] = t.sessions.s1.questions['s1-q1'];
        delete t.sessions.s2.questions['s2-q1'].options.d;
      }),
    );
    const text = (await issuesOf(folder)).join('\n');
    expect(text).toMatch(/translation-missing .* has no translation of key point "s1-kp2"/);
    expect(text).toMatch(/translation-unknown .* question "s1-q99" is not in the pack/);
    expect(text).toMatch(/has no translation of option "d"/);
  });

  it('refuses a translated quote the translated source does not contain', async () => {
    const folder = copyWith(
      'translations/zh-CN.json',
      json((t) => (t.sessions.s3.keyPoints['s3-kp1'].source = '会议指出，关键在于群众路线的坚持')),
    );
    expect((await issuesOf(folder)).join('\n')).toMatch(
      /source-quote sessions\.s3\.keyPoints\["s3-kp1"\]\.source is not a word-for-word quote/,
    );
  });

  it('refuses an aligned translation whose originals skip or change the source', async () => {
    const folder = copyWith(
      'source/article.zh-CN.json',
      json((a) => {
        a.sentences.splice(1, 1); // drops "Six special counseling sessions were held."
      }),
    );
    expect((await issuesOf(folder)).join('\n')).toMatch(/aligned-source sentences\[1\]\.original/);
  });

  it('refuses translated material whose blocks do not pair with the original one to one', async () => {
    const folder = copyWith('sessions/s2/material.zh-CN.md', (md) => `${md}\n多出来的一段。\n`);
    expect((await issuesOf(folder)).join('\n')).toMatch(/sessions\/s2\/material\.zh-CN\.md translation-blocks/);
  });
});
