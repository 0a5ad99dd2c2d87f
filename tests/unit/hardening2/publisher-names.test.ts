import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import { nameSkeleton } from '../../../src/core/library/publisher-names';
import { buildPack } from '../../../src/core/packs/build';
import { generateKeyPair } from '../../../src/core/packs/keys';
import { builtinFolder, openCore } from '../support/core';
import { tempDir } from '../support/temp';

let cores: Core[] = [];
afterEach(() => {
  cores.forEach((c) => c.close());
  cores = [];
});

function folderWith(edit: (folder: string) => void): string {
  const folder = join(tempDir('study-names-'), 'pack');
  cpSync(builtinFolder, folder, { recursive: true });
  edit(folder);
  return folder;
}

const editManifest = (folder: string, change: (m: Record<string, unknown>) => void) => {
  const file = join(folder, 'manifest.json');
  const m = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  change(m);
  writeFileSync(file, JSON.stringify(m, null, 2));
};

const build = (folder: string) => buildPack(folder, generateKeyPair().privateKeyPem);

describe('item 8: displayed pack strings may not hide or reorder characters', () => {
  it.each([
    [
      'a right-to-left override in the publisher name',
      (f: string) => editManifest(f, (m) => (m.publisher = { name: 'Evil\u202Esrehsilbup' })),
    ],
    [
      'a zero-width space in the publisher name',
      (f: string) => editManifest(f, (m) => (m.publisher = { name: 'Test\u200Borganisers' })),
    ],
    ['a zero-width joiner in the title', (f: string) => editManifest(f, (m) => (m.title = '学习\u200D包'))],
    [
      'an isolate in a session title',
      (f: string) => editManifest(f, (m) => ((m.sessions as Array<{ title: string }>)[0]!.title = 'a\u2067b\u2069')),
    ],
    [
      'an ESC in the material',
      (f: string) => writeFileSync(join(f, 'sessions/s1/material.md'), '# 第一讲\n\n\u001b[31mred\n'),
    ],
    [
      'a left-to-right mark in a key point',
      (f: string) => {
        const file = join(f, 'sessions/s1/session.json');
        writeFileSync(file, readFileSync(file, 'utf8').replace('"text": "', '"text": "\u200E'));
      },
    ],
  ])('%s is refused by studypack build (and so by the verifier)', async (_what, edit) => {
    await expect(build(folderWith(edit))).rejects.toMatchObject({
      issues: expect.arrayContaining([expect.objectContaining({ rule: 'hidden-character' })]),
    });
  });
});

describe("item 8: a name that reads like a trusted publisher's under another key", () => {
  it('skeletons fold width, case, spacing and look-alike letters', () => {
    expect(nameSkeleton('Test organisers')).toBe(nameSkeleton('TEST  Organisers'));
    expect(nameSkeleton('Test organisers')).toBe(nameSkeleton('Tеst оrganisers')); // Cyrillic е, о
    expect(nameSkeleton('Test organisers')).toBe(nameSkeleton('Ｔｅｓｔ organisers')); // full width
    expect(nameSkeleton('省委组织部')).not.toBe(nameSkeleton('省纪委'));
  });

  it.each([
    ['the exact name', 'Test organisers'],
    ['a confusable name', 'Tеst оrganisers.'],
  ])('refuses %s even when the participant says "trust"', async (_what, name) => {
    const env = await openCore();
    cores.push(env.core);
    const bytes = await build(
      folderWith((f) =>
        editManifest(f, (m) => {
          m.id = 'lookalike-pack';
          m.publisher = { name };
        }),
      ),
    );
    await expect(
      env.core.library.installBytes(bytes, 'x.studypack', { trustPublisher: true, allowDowngrade: false }),
    ).rejects.toMatchObject({
      code: 'PACK_UNTRUSTED',
      detail: { reason: 'library.publisher.nameTaken', trustedName: 'Test organisers' },
    });
    const publishers = env.core.db.prepare('SELECT count(*) AS n FROM publishers').get() as { n: number };
    expect(publishers.n).toBe(1);
  });

  it('another name under another key is still a normal trust question', async () => {
    const env = await openCore();
    cores.push(env.core);
    const bytes = await build(
      folderWith((f) =>
        editManifest(f, (m) => {
          m.id = 'other-pack';
          m.publisher = { name: '某市委党校' };
        }),
      ),
    );
    await expect(
      env.core.library.installBytes(bytes, 'x.studypack', { trustPublisher: true, allowDowngrade: false }),
    ).resolves.toMatchObject({ packId: 'other-pack' });
  });
});
