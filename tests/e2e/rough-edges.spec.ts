import { expect } from '@playwright/test';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPack } from '../../src/core/packs/build';
import { generateKeyPair } from '../../src/core/packs/keys';
import { HomePage, nav, ProfilesPage } from './pages/app-pages';
import { test } from './support/fixtures';
import { root } from './support/hosts';

test.beforeEach(async ({ app }) => {
  await new ProfilesPage(app.page).create('赵六', '省委办公厅');
  await new HomePage(app.page).expectLoaded();
});

test('moving between two sessions’ quizzes by address and Back shows each session’s own quiz', async ({ app }) => {
  const page = app.page;
  await page.goto(`${app.origin}/#/session/s2/quiz`);
  await page.getByRole('button', { name: /开始自测|继续自测/ }).click();
  await expect(page.locator('[data-testid^="question-"]').first()).toBeVisible();

  await page.goto(`${app.origin}/#/session/s1/quiz`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('The special training class');
  // Session 1's quiz is not started: none of session 2's questions may stay on screen.
  await expect(page.locator('[data-testid^="question-"]')).toHaveCount(0);

  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('The special counseling report');
});

test('the article opened from a key point leads back to the session', async ({ app }) => {
  const page = app.page;
  await new HomePage(page).openSession(1);
  await page.getByRole('button', { name: '查看出处' }).first().click();
  await page.getByRole('link', { name: '在原文中查看' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: '原文' })).toBeVisible();
  // The Chinese UI shows the pack's Chinese reference translation, tagged as Chinese.
  await expect(page.locator('article.source-text')).toHaveAttribute('lang', 'zh-CN');
  await page.getByRole('button', { name: '← 返回上一页' }).click();
  await expect(page.getByTestId('material')).toBeVisible();
  await expect(page.getByTestId('material').locator('[lang]').first()).toHaveAttribute('lang', 'zh-CN');
});

test('an in-page link in the material scrolls to its heading and keeps the address', async ({ app }, info) => {
  const page = app.page;
  const folder = join(info.outputPath('pack'), 'training-class');
  cpSync(join(root, 'packs', 'training-class'), folder, { recursive: true });
  const manifest = join(folder, 'manifest.json');
  const m = JSON.parse(readFileSync(manifest, 'utf8')) as {
    id: string;
    title: string;
    format: number;
    translations?: unknown;
    publisher: { name: string };
  };
  m.id = 'anchor-class';
  m.title = 'Anchor class';
  // Another key may not use the built-in publisher's name (issue #14, item 8).
  m.publisher = { name: 'Anchor test organisers' };
  // English only (format 1), so the session shows the material this test edits.
  m.format = 1;
  delete m.translations;
  writeFileSync(manifest, JSON.stringify(m, null, 2));
  const material = join(folder, 'sessions', 's1', 'material.md');
  const text = readFileSync(material, 'utf8');
  writeFileSync(material, text.replace('\n\n', '\n\n[Go to the participants](#participants-and-format)\n\n'));
  const file = info.outputPath('anchor.studypack');
  writeFileSync(file, await buildPack(folder, generateKeyPair().privateKeyPem));

  await nav(page, /学习包/);
  await app.chooseFiles([file], () => page.getByRole('button', { name: '选择 .studypack 文件' }).click());
  await page.getByRole('button', { name: /信任此发布方/ }).click();
  await page.getByRole('button', { name: '学习此学习包' }).click();
  await nav(page, /首页/);
  await new HomePage(page).openSession(1);
  const address = page.url();
  await page.getByRole('link', { name: 'Go to the participants' }).click();
  await expect(page.getByRole('heading', { name: 'Participants and format' })).toBeInViewport();
  expect(page.url()).toBe(address);
  await expect(page.getByText('该页面不存在。')).toHaveCount(0);
});

test('the page has an icon: no 404 for /favicon.ico', async ({ app }) => {
  test.skip(!app.origin.startsWith('http'), 'an HTTP request to the browser host');
  const res = await app.page.request.get(`${app.origin}/favicon.ico`);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('image/x-icon');
});
