import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPack } from '../../../src/core/packs/build';
import { builtinFolder, builtinPack } from '../support/core';
import { tempDir } from '../support/temp';
import { answerAll, participant } from './support';

type SessionJson = { quiz: { questions: { id: string; options?: { id: string; text: string }[] }[] } };
type ZhJson = { sessions: { s1: { questions: Record<string, { options?: Record<string, string> }> } } };

/** The built-in pack as version 1.1.0 with session s1 edited in both languages, signed by the same publisher. */
async function upgradedPack(edit: (session: SessionJson, zh: ZhJson) => void): Promise<Buffer> {
  const folder = join(tempDir('pack-src-'), 'pack');
  cpSync(builtinFolder, folder, { recursive: true });
  const manifestPath = join(folder, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, version: '1.1.0' }));
  const sessionPath = join(folder, 'sessions/s1/session.json');
  const zhPath = join(folder, 'translations/zh-CN.json');
  const session = JSON.parse(readFileSync(sessionPath, 'utf8')) as SessionJson;
  const zh = JSON.parse(readFileSync(zhPath, 'utf8')) as ZhJson;
  edit(session, zh);
  writeFileSync(sessionPath, JSON.stringify(session));
  writeFileSync(zhPath, JSON.stringify(zh));
  return buildPack(folder, (await builtinPack()).privateKeyPem);
}

/** Without question s1-q7; the translation is keyed by the same ids, so the question leaves it too. */
const packWithoutQuestion = () =>
  upgradedPack((session, zh) => {
    session.quiz.questions = session.quiz.questions.filter((q) => q.id !== 's1-q7');
    delete zh.sessions.s1.questions['s1-q7'];
  });

const install = async (p: Awaited<ReturnType<typeof participant>>, bytes: Buffer) =>
  p.core.library.installBytes(bytes, 'v1.1.studypack', { trustPublisher: false, allowDowngrade: false });

describe('a pack upgrade that removes a question', () => {
  it('an open attempt skips the removed question; its wrong-answer entry is archived, not lost', async () => {
    const p = await participant();
    const done = await p.call('quiz.start', { sessionId: 's1' });
    await answerAll(p, done, () => false);
    await p.call('quiz.submit', { attemptId: done.attemptId });
    const open = await p.call('quiz.start', { sessionId: 's1' });
    await answerAll(p, open, () => true);
    expect((await p.call('quiz.wrongList', {})).items.map((i) => i.questionId)).toContain('s1-q7');

    const result = await install(p, await packWithoutQuestion());
    expect(result.previousVersion).toBe('1.0.0');

    const archived = p.core.db
      .prepare("SELECT item_id, pack_version, data FROM archived_progress WHERE kind = 'wrong-answer'")
      .all() as { item_id: string; pack_version: string; data: string }[];
    expect(archived.map((a) => [a.item_id, a.pack_version])).toEqual([['s1-q7', '1.0.0']]);
    expect(JSON.parse(archived[0]!.data)).toMatchObject({ question_id: 's1-q7', times_wrong: 1 });
    const list = await p.call('quiz.wrongList', {});
    expect(list.items).toHaveLength(6);
    expect(list.items.map((i) => i.questionId)).not.toContain('s1-q7');

    const resumed = await p.call('quiz.start', { sessionId: 's1' });
    expect(resumed.attemptId).toBe(open.attemptId);
    expect(resumed.questions.map((q) => q.id)).toEqual(open.questions.map((q) => q.id).filter((id) => id !== 's1-q7'));
    expect(Object.keys(resumed.responses)).toHaveLength(6);
    const review = await p.call('quiz.submit', { attemptId: open.attemptId });
    expect(review).toMatchObject({ score: 6, total: 6, passed: true });
    expect(review.items.map((i) => i.id)).not.toContain('s1-q7');
    // The earlier attempt keeps its stored score; its review simply leaves the removed question out.
    expect(await p.call('quiz.review', { attemptId: done.attemptId })).toMatchObject({ score: 0, total: 7 });
  });
});

describe('a pack upgrade that changes the options of a question in an open attempt', () => {
  it('keeps the options that remain in the order the attempt showed them, and puts new ones last', async () => {
    const p = await participant();
    const open = await p.call('quiz.start', { sessionId: 's1' });
    // The attempt's option order is random by design; fix it so the expected order is exact.
    const row = p.core.db.prepare('SELECT layout FROM attempts WHERE id = ?').get(open.attemptId) as { layout: string };
    const layout = JSON.parse(row.layout) as { questions: { id: string; options: string[] }[] };
    layout.questions.find((q) => q.id === 's1-q1')!.options = ['d', 'c', 'b', 'a'];
    p.core.db.prepare('UPDATE attempts SET layout = ? WHERE id = ?').run(JSON.stringify(layout), open.attemptId);
    await p.call('quiz.answer', {
      attemptId: open.attemptId,
      questionId: 's1-q1',
      response: { type: 'single', option: 'a' },
    });

    await install(
      p,
      await upgradedPack((session, zh) => {
        const q = session.quiz.questions.find((x) => x.id === 's1-q1')!;
        q.options = [...q.options!.filter((o) => o.id !== 'c'), { id: 'e', text: 'A correspondence course' }];
        const zq = zh.sessions.s1.questions['s1-q1']!;
        delete zq.options!['c'];
        zq.options!['e'] = '函授课程';
      }),
    );

    const resumed = await p.call('quiz.start', { sessionId: 's1' });
    expect(resumed.attemptId).toBe(open.attemptId);
    const asked = resumed.questions.find((q) => q.id === 's1-q1')!;
    expect(asked.options.map((o) => o.id)).toEqual(['d', 'b', 'a', 'e']);
    expect(asked.options.at(-1)!.text).toBe('A correspondence course');
    expect(resumed.responses['s1-q1']).toEqual({ type: 'single', option: 'a' });
    const review = await p.call('quiz.submit', { attemptId: open.attemptId });
    expect(review.items.find((i) => i.id === 's1-q1')!.options.map((o) => o.id)).toEqual(['d', 'b', 'a', 'e']);
  });
});
