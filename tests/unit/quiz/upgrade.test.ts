import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPack } from '../../../src/core/packs/build';
import { builtinFolder, builtinPack } from '../support/core';
import { tempDir } from '../support/temp';
import { answerAll, participant } from './support';

/** The built-in pack as version 1.1.0 without question s1-q7, signed by the same publisher. */
async function packWithoutQuestion(): Promise<Buffer> {
  const folder = join(tempDir('pack-src-'), 'pack');
  cpSync(builtinFolder, folder, { recursive: true });
  const manifestPath = join(folder, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, version: '1.1.0' }));
  const sessionPath = join(folder, 'sessions/s1/session.json');
  const session = JSON.parse(readFileSync(sessionPath, 'utf8')) as { quiz: { questions: { id: string }[] } };
  session.quiz.questions = session.quiz.questions.filter((q) => q.id !== 's1-q7');
  writeFileSync(sessionPath, JSON.stringify(session));
  // The translation is keyed by the same ids, so the question leaves it too.
  const zhPath = join(folder, 'translations/zh-CN.json');
  const zh = JSON.parse(readFileSync(zhPath, 'utf8')) as { sessions: { s1: { questions: Record<string, unknown> } } };
  delete zh.sessions.s1.questions['s1-q7'];
  writeFileSync(zhPath, JSON.stringify(zh));
  return buildPack(folder, (await builtinPack()).privateKeyPem);
}

describe('a pack upgrade that removes a question', () => {
  it('an open attempt skips the removed question; its wrong-answer entry is archived, not lost', async () => {
    const p = await participant();
    const done = await p.call('quiz.start', { sessionId: 's1' });
    await answerAll(p, done, () => false);
    await p.call('quiz.submit', { attemptId: done.attemptId });
    const open = await p.call('quiz.start', { sessionId: 's1' });
    await answerAll(p, open, () => true);
    expect((await p.call('quiz.wrongList', {})).items.map((i) => i.questionId)).toContain('s1-q7');

    const result = await p.core.library.installBytes(await packWithoutQuestion(), 'v1.1.studypack', {
      trustPublisher: false,
      allowDowngrade: false,
    });
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
