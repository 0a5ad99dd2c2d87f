import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPack } from '../../../src/core/packs/build';
import { generateKeyPair } from '../../../src/core/packs/keys';
import { participant } from '../quiz/support';
import { builtinFolder } from '../support/core';
import { tempDir } from '../support/temp';

const ZH = 'zh-CN';

describe('the built-in pack in two languages (real SQLite, through the dispatcher)', () => {
  it('lists both languages and shows English unless Chinese is asked for', async () => {
    const { call } = await participant();
    const en = await call('course.overview', {});
    expect(en.pack.languages).toEqual(['en', ZH]);
    expect(en.language).toBe('en');
    expect(en.notice).toBeNull();
    expect(en.sessions[0]!.title).toBe('The special training class and who took part');

    const zh = await call('course.overview', { language: ZH });
    expect(zh.language).toBe(ZH);
    expect(zh.notice).toMatch(/^参考译文/);
    expect(zh.pack.title).toBe('湖北专题培训班');
    expect(zh.sessions.map((s) => s.id)).toEqual(en.sessions.map((s) => s.id));
    expect(zh.sessions[0]!.title).toBe('专题培训班及参加人员');
    // A language the pack lacks falls back to its own.
    expect((await call('course.overview', { language: 'fr' })).language).toBe('en');
  });

  it('shows a session in Chinese with the same ids, and progress is shared by both languages', async () => {
    const { call } = await participant();
    const zh = await call('session.get', { sessionId: 's2', language: ZH });
    expect(zh.language).toBe(ZH);
    expect(zh.material).toContain('省委常委、组织部部长 Zhang Wenbing 主持会议。');
    expect(zh.keyPoints[0]).toMatchObject({ id: 's2-kp1', text: '省委副书记、省长 Wang Zhonglin 出席会议。' });

    await call('keypoint.mark', { sessionId: 's2', keyPointId: 's2-kp1', reviewed: true });
    await call('reading.save', { sessionId: 's2', position: 1, reachedEnd: true });
    const en = await call('session.get', { sessionId: 's2', language: 'en' });
    expect(en.material).toContain('Zhang Wenbing, member of the Standing Committee');
    expect(en.keyPoints.map((k) => k.id)).toEqual(zh.keyPoints.map((k) => k.id));
    expect(en.keyPoints[0]!.reviewedAt).not.toBeNull();
    const zhAgain = await call('session.get', { sessionId: 's2', language: ZH });
    expect(zhAgain.progress.title).toBe('专题辅导报告');
    expect(en.progress).toEqual({ ...zhAgain.progress, title: en.progress.title, summary: en.progress.summary });
  });

  it('gives the article as the Chinese reference translation, marked as one', async () => {
    const { call } = await participant();
    const zh = await call('source.get', { language: ZH });
    expect(zh.language).toBe(ZH);
    expect(zh.notice).toMatch(/参考译文/);
    expect(zh.text).toMatch(/^湖北日报讯（记者 Yang Hongbin）8月18日/);
    expect(zh.text.split('\n\n')).toHaveLength(6);
    const en = await call('source.get', {});
    expect(en).toMatchObject({ language: 'en', notice: null });
    expect(en.text).toMatch(/^Hubei Daily News/);
  });

  it('finds two-character Chinese words in the material (党的, 湖北, 会议) and English words too', async () => {
    const { call } = await participant();
    for (const query of ['党的', '湖北', '会议']) {
      const { hits } = await call('search.query', { query, language: ZH });
      const material = hits.filter((h) => h.kind === 'material');
      expect(material.length, query).toBeGreaterThan(0);
      expect(material[0]!.language, query).toBe(ZH);
      expect(material[0]!.snippet, query).toContain(`\u0001${query}\u0002`);
    }
    const hit = (await call('search.query', { query: '主持会议', language: ZH })).hits.find(
      (h) => h.kind === 'material',
    );
    expect(hit).toMatchObject({ sessionId: 's2', sessionTitle: '专题辅导报告' });
    const en = (await call('search.query', { query: 'presided over', language: 'en' })).hits;
    expect(en.find((h) => h.kind === 'material')).toMatchObject({ sessionId: 's2', language: 'en' });
  });

  it('asks the quiz in Chinese and grades a fill-in answer against the answers of the language it was shown in', async () => {
    const { call } = await participant();
    const zh = await call('quiz.start', { sessionId: 's1', language: ZH });
    expect(zh.language).toBe(ZH);
    const q4 = zh.questions.find((q) => q.id === 's1-q4')!;
    expect(q4.prompt).toBe('报道说，共举行了____场专题辅导报告会。');
    const q1 = zh.questions.find((q) => q.id === 's1-q1')!;
    expect(q1.options.map((o) => o.text)).toContain('视频会议，各市州设分会场');
    await call('quiz.answer', { attemptId: zh.attemptId, questionId: 's1-q4', response: { type: 'fill', text: '六' } });
    await call('quiz.answer', {
      attemptId: zh.attemptId,
      questionId: 's1-q6',
      response: { type: 'fill', text: 'twelfth' },
    });

    // Switching to English resumes the same attempt in English; answers given in Chinese keep their language.
    const en = await call('quiz.start', { sessionId: 's1', language: 'en' });
    expect(en.attemptId).toBe(zh.attemptId);
    expect(en.language).toBe('en');
    expect(en.questions.find((q) => q.id === 's1-q4')!.prompt).toMatch(/special counseling sessions were held/);
    const review = await call('quiz.submit', { attemptId: en.attemptId });
    const item = (id: string) => review.items.find((i) => i.id === id)!;
    expect(item('s1-q4').correct).toBe(true); // 六, answered in Chinese
    expect(item('s1-q6').correct).toBe(false); // "twelfth" is an English answer, typed while it was shown in Chinese
    expect(review.language).toBe('en');
  });

  it('an English attempt does not accept the Chinese answer', async () => {
    const { call } = await participant();
    const a = await call('quiz.start', { sessionId: 's1', language: 'en' });
    await call('quiz.answer', { attemptId: a.attemptId, questionId: 's1-q4', response: { type: 'fill', text: '六' } });
    const review = await call('quiz.submit', { attemptId: a.attemptId });
    expect(review.items.find((i) => i.id === 's1-q4')!.correct).toBe(false);
  });

  it('keeps the content language and the side-by-side choice as settings', async () => {
    const { call } = await participant();
    expect(await call('settings.get', {})).toMatchObject({ contentLanguage: null, sideBySide: false });
    await call('settings.set', { contentLanguage: ZH, sideBySide: true });
    await call('settings.set', { textScale: 1.2 });
    expect(await call('settings.get', {})).toMatchObject({ contentLanguage: ZH, sideBySide: true, textScale: 1.2 });
  });

  it('the same pack without its translation (format 1) still installs and finds no Chinese', async () => {
    const folder = join(tempDir('format1-'), 'pack');
    cpSync(builtinFolder, folder, { recursive: true });
    const manifestPath = join(folder, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
    delete manifest.translations;
    manifest.format = 1;
    manifest.id = 'format-one';
    writeFileSync(manifestPath, JSON.stringify(manifest));
    rmSync(join(folder, 'translations'), { recursive: true });
    const bytes = await buildPack(folder, generateKeyPair().privateKeyPem);
    const { core, call } = await participant();
    await core.library.installBytes(bytes, 'f1.studypack', { trustPublisher: true, allowDowngrade: false });
    const overview = await call('course.overview', { packId: 'format-one', language: ZH });
    expect(overview.pack.languages).toEqual(['en']);
    expect(overview.language).toBe('en');
    // Why 党的 found nothing before: the LIKE fallback works, but the material was English only.
    expect((await call('search.query', { packId: 'format-one', query: '党的' })).hits).toEqual([]);
  });
});
