import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import { buildPack } from '../../../src/core/packs/build';
import { generateKeyPair } from '../../../src/core/packs/keys';
import { openCore, repoRoot } from '../support/core';

let cores: Core[] = [];
afterEach(() => {
  cores.forEach((c) => c.close());
  cores = [];
});

/** The Chinese test pack (tests/fixtures/packs/mini) installed and chosen, with one participant. */
async function withChinesePack() {
  const env = await openCore(undefined, { withBuiltin: false });
  cores.push(env.core);
  const bytes = await buildPack(join(repoRoot, 'tests/fixtures/packs/mini'), generateKeyPair().privateKeyPem);
  await env.core.library.installBytes(bytes, 'mini.studypack', { trustPublisher: true, allowDowngrade: false });
  await env.call('profiles.create', { name: '孙八', unit: '省委党校' });
  return env;
}

describe('full-text search', () => {
  it('finds Chinese material with a trigram query and marks the match', async () => {
    const { call } = await withChinesePack();
    const { hits } = await call('search.query', { query: '每天进步' });
    const material = hits.find((h) => h.kind === 'material');
    expect(material).toBeDefined();
    expect(material!.snippet).toContain('\u0001每天进步\u0002');
    expect(material!.sessionId).toBe('s1');
  });

  it('finds two-character Chinese queries, which a trigram index cannot, through the LIKE fallback', async () => {
    const { call } = await withChinesePack();
    const { hits } = await call('search.query', { query: '坚持' });
    expect(hits.map((h) => h.kind).sort()).toEqual(expect.arrayContaining(['keypoint', 'material']));
    expect(hits.every((h) => h.snippet.includes('\u0001坚持\u0002'))).toBe(true);
  });

  it("finds the participant's own notes and never another participant's", async () => {
    const { call } = await withChinesePack();
    await call('note.save', { sessionId: 's2', text: '今天的学习心得：理论联系实际' });
    expect((await call('search.query', { query: '理论联系实际' })).hits).toMatchObject([
      { kind: 'note', sessionId: 's2' },
    ]);
    expect((await call('search.query', { query: '心得' })).hits).toMatchObject([{ kind: 'note' }]);

    await call('profiles.create', { name: '周九', unit: '省发改委' });
    expect((await call('search.query', { query: '理论联系实际' })).hits).toEqual([]);
  });

  it('a changed note replaces its old text in the index', async () => {
    const { call } = await withChinesePack();
    await call('note.save', { sessionId: 's1', text: '第一稿内容' });
    await call('note.save', { sessionId: 's1', text: '第二稿内容' });
    expect((await call('search.query', { query: '第一稿' })).hits).toEqual([]);
    expect((await call('search.query', { query: '第二稿' })).hits).toHaveLength(1);
  });

  it('treats query syntax characters as plain text', async () => {
    const { call, core } = await withChinesePack();
    await call('note.save', { sessionId: 's1', text: '完成率100%' });
    await call('note.save', { sessionId: 's2', text: `a_b "引号" it's` });
    const found = async (query: string) =>
      ((await call('search.query', { query })).hits as { kind: string; sessionId: string; snippet: string }[]).map(
        (h) => [h.kind, h.sessionId, h.snippet],
      );
    // Short queries take the LIKE fallback, where % and _ are wildcards unless escaped.
    expect(await found('%')).toEqual([['note', 's1', '完成率100\u0001%\u0002']]);
    expect(await found('_')).toEqual([['note', 's2', `a\u0001_\u0002b "引号" it's`]]);
    expect(await found('"')).toEqual([['note', 's2', `a_b \u0001"\u0002引号" it's`]]);
    expect(await found("'")).toEqual([['note', 's2', `a_b "引号" it\u0001'\u0002s`]]);
    expect(await found('\\')).toEqual([]);
    // Longer ones go to FTS5, where these would be operators or syntax errors.
    expect(await found('00%')).toEqual([['note', 's1', '完成率1\u000100%\u0002']]);
    expect(await found('"引号"')).toEqual([['note', 's2', `a_b \u0001"引号"\u0002 it's`]]);
    for (const query of ['a OR b', 'NEAR(x y)', '***', "'; DROP TABLE notes; --"]) {
      expect(await found(query), query).toEqual([]);
    }
    expect(core.db.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 2 });
  });
});
