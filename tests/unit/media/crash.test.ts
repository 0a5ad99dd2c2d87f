import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Core } from '../../../src/core/core';
import { buildPackToFile } from '../../../src/core/packs/build';
import { generateKeyPair } from '../../../src/core/packs/keys';
import { makeMediaPackFolder } from '../../fixtures/media/make';
import { tempDir } from '../support/temp';

const script = resolve(__dirname, '../../fixtures/media/crash-import.ts');
const keys = generateKeyPair();

function killedImport(dataDir: string, packFile: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, dataDir, packFile], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { signal: r.signal, stderr: r.stderr, stdout: r.stdout };
}

async function pack(version: string, caption: string) {
  const folder = makeMediaPackFolder(join(tempDir('crash-src-'), 'p'), { version, durations: true });
  writeFileSync(join(folder, 'media', 's1.en.vtt'), `WEBVTT\n\n00:00.000 --> 00:01.000\n${caption}\n`);
  const out = join(tempDir('crash-out-'), `${version}.studypack`);
  return { out, verified: await buildPackToFile(folder, keys.privateKeyPem, out) };
}

describe('kill -9 during promotion of an import, then start-up', () => {
  it('keeps the old version whole, and removes the staging folder and the files no pack names', async () => {
    const dataDir = tempDir('crash-data-');
    const v1 = await pack('1.2.0', 'first');
    const v2 = await pack('1.3.0', 'second'); // one new file: the changed caption
    {
      const core = await Core.open({ dataDir, appName: 'Study Companion', appVersion: 'test' });
      await core.library.importFile(v1.out, 'v1', { trustPublisher: true, allowDowngrade: false });
      core.close();
    }
    const run = killedImport(dataDir, v2.out);
    expect(run.signal, run.stderr + run.stdout).toBe('SIGKILL');
    expect(readdirSync(join(dataDir, 'staging')).length).toBe(1); // the killed import's leftovers

    const core = await Core.open({ dataDir, appName: 'Study Companion', appVersion: 'test' });
    try {
      expect(core.library.list().packs.map((p) => p.version)).toEqual(['1.2.0']);
      expect(readdirSync(join(dataDir, 'staging'))).toEqual([]);
      const v1Files = [...new Set(v1.verified.media.map((m) => m.sha256))].sort();
      expect(readdirSync(join(dataDir, 'media')).sort()).toEqual(v1Files);
      const names = core.db.prepare('SELECT DISTINCT sha256 FROM pack_media ORDER BY sha256').all() as Array<{
        sha256: string;
      }>;
      expect(names.map((n) => n.sha256)).toEqual(v1Files);
    } finally {
      core.close();
    }
  });

  it('leaves no pack and an empty store when the first install of a pack is killed', async () => {
    const dataDir = tempDir('crash-data-');
    const v1 = await pack('1.2.0', 'first');
    const run = killedImport(dataDir, v1.out);
    expect(run.signal, run.stderr + run.stdout).toBe('SIGKILL');
    const core = await Core.open({ dataDir, appName: 'Study Companion', appVersion: 'test' });
    try {
      expect(core.library.list().packs).toEqual([]);
      expect(readdirSync(join(dataDir, 'media'))).toEqual([]);
      expect(readdirSync(join(dataDir, 'staging'))).toEqual([]);
    } finally {
      core.close();
    }
  });
});
