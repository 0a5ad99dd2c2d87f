import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { HomePage, nav, ProfilesPage } from './pages/app-pages';
import { expect, test } from './support/fixtures';

test.use({ viewport: { width: 1280, height: 800 } });

/** Screenshots a person looks at: kept in the test output and copied to docs/screenshots. */
async function shot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(name), fullPage: true });
  const docs = join(__dirname, '..', '..', 'docs', 'screenshots');
  mkdirSync(docs, { recursive: true });
  if (test.info().project.name === 'browser') await page.screenshot({ path: join(docs, name), fullPage: true });
}

const material = (page: Page) => page.getByTestId('material');

test('the Chinese UI shows the course in Chinese, marked as a reference translation; English and side by side on request', async ({
  app,
}) => {
  const page = app.page;
  await new ProfilesPage(page).create('陈七', '省委组织部');
  const home = new HomePage(page);
  await home.expectLoaded();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('湖北专题培训班');
  await expect(home.sessionCards().first()).toContainText('专题培训班及参加人员');

  await home.openSession(2);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('专题辅导报告');
  await expect(material(page).locator('[lang="zh-CN"]').first()).toContainText('Hou Ximin 作题为');
  await expect(page.getByRole('note')).toContainText('参考译文');
  await expect(page.locator('.key-points')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('radio', { name: '中文' })).toBeChecked();
  await shot(page, 'session-zh-CN-content-zh-CN.png');

  // 中英对照: the Chinese and the English paragraph by paragraph.
  await page.getByRole('checkbox', { name: '中英对照' }).check();
  const rows = page.getByTestId('side-by-side').locator('.side-by-side-row:not(.side-by-side-head)');
  await expect(rows).toHaveCount(7);
  await expect(rows.nth(4).locator('[lang="zh-CN"]')).toContainText('省委常委、省纪委书记、省监委主任 Hou Ximin');
  await expect(rows.nth(4).locator('[lang="en"]')).toContainText('Hou Ximin, Member of the Standing Committee');
  await shot(page, 'session-zh-CN-side-by-side.png');
  await page.getByRole('checkbox', { name: '中英对照' }).uncheck();

  // English content inside the Chinese UI, tagged as English, without the translation notice.
  await page.getByRole('radio', { name: 'English' }).check();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('The special counseling report');
  await expect(material(page).locator('[lang="en"]').first()).toContainText('delivered a special counseling report');
  await expect(page.getByRole('note')).toHaveCount(0);
  await shot(page, 'session-zh-CN-content-en.png');

  // The choice is a setting: the quiz follows it, and so does the next start.
  await page.getByRole('radio', { name: '中文' }).check();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('专题辅导报告');
  await page.getByRole('link', { name: '开始自测' }).click();
  await page.getByRole('button', { name: '开始自测' }).click();
  await expect(page.getByTestId('question-s2-q2').locator('.question-prompt')).toHaveText('谁主持了会议？');
  await expect(page.getByTestId('question-s2-q2').locator('.question-prompt')).toHaveAttribute('lang', 'zh-CN');

  // The article: the Chinese reference translation, said to be one, beside the English on request.
  await nav(page, /原文/);
  await expect(page.locator('article.source-text[lang="zh-CN"] p').first()).toContainText(
    '湖北日报讯（记者 Yang Hongbin）',
  );
  await expect(page.getByRole('note')).toContainText('参考译文');
  await page.getByRole('checkbox', { name: '中英对照' }).check();
  await expect(page.getByTestId('side-by-side').locator('.side-by-side-row:not(.side-by-side-head)')).toHaveCount(6);
  await shot(page, 'article-zh-CN-side-by-side.png');
  await page.getByRole('checkbox', { name: '中英对照' }).uncheck();

  // Two-character Chinese words find the Chinese material.
  await nav(page, /搜索/);
  for (const word of ['党的', '湖北', '会议']) {
    await page.getByLabel(/搜索学习材料/).fill(word);
    await page.getByRole('button', { name: '搜索', exact: true }).click();
    await expect(page.locator('.search-results li').filter({ hasText: '学习材料' }).first()).toBeVisible();
  }

  // An English hit opens the session in English; choosing 中文 there switches it back.
  await page.getByLabel(/搜索学习材料/).fill('presided over');
  await page.getByRole('button', { name: '搜索', exact: true }).click();
  await page.locator('.search-results li').filter({ hasText: '学习材料' }).first().getByRole('link').click();
  await expect(material(page).locator('[lang="en"]').first()).toContainText('presided over the meeting');
  await expect(page.getByRole('radio', { name: 'English' })).toBeChecked();
  await page.getByRole('radio', { name: '中文' }).check();
  await expect(material(page).locator('[lang="zh-CN"]').first()).toContainText('Zhang Wenbing 主持会议');
});

test.describe('in English', () => {
  test.use({ locale: 'en-US' });

  test('the English UI shows the English course, and the Chinese beside it on request', async ({ app }) => {
    const page = app.page;
    await new ProfilesPage(page).create('Li Si', 'Organization Department');
    const home = new HomePage(page);
    await home.expectLoaded();
    await home.openSession(2);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('The special counseling report');
    await expect(page.getByRole('radio', { name: 'English' })).toBeChecked();
    await shot(page, 'session-en-content-en.png');

    await page.getByRole('checkbox', { name: /Side by side/ }).check();
    const rows = page.getByTestId('side-by-side').locator('.side-by-side-row:not(.side-by-side-head)');
    await expect(rows).toHaveCount(7);
    await expect(rows.nth(6).locator('[lang="zh-CN"]')).toContainText('Zhang Wenbing 主持会议');
    await shot(page, 'session-en-side-by-side.png');

    await page.getByRole('radio', { name: /中文/ }).check();
    await expect(page.getByRole('note')).toContainText('参考译文');
    await shot(page, 'session-en-content-zh-CN.png');
  });
});
