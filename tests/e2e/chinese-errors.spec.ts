import { expect, type Locator, type Page } from '@playwright/test';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPack } from '../../src/core/packs/build';
import { generateKeyPair } from '../../src/core/packs/keys';
import { HomePage, nav, ProfilesPage } from './pages/app-pages';
import { ENGLISH_SENTENCE } from './support/english';
import { test } from './support/fixtures';
import { root, type AppHost } from './support/hosts';
import { enterVenue } from './pages/venue-pages';

/**
 * The main refusal paths in the Chinese UI: every message is Chinese, none is an English
 * sentence from the core (the zh-CN locale is the project default, see playwright.config.ts).
 */
const builtinPack = join(root, 'resources', 'builtin', 'training-class.studypack');

async function expectChinese(alert: Locator, words: RegExp) {
  await expect(alert).toContainText(words);
  const text = await alert.innerText();
  expect(text, 'an English sentence in the Chinese UI').not.toMatch(ENGLISH_SENTENCE);
}

async function importPack(app: AppHost, page: Page, file: string) {
  await app.chooseFiles([file], () => page.getByRole('button', { name: '选择 .studypack 文件' }).click());
}

test('pack import refusals are worded in Chinese', async ({ app }, info) => {
  const page = app.page;
  await new ProfilesPage(page).create('张三', '省委组织部');
  await new HomePage(page).expectLoaded();
  await nav(page, /学习包/);
  const alert = page.getByRole('alert');

  const bytes = readFileSync(builtinPack);
  const truncated = info.outputPath('cut.studypack');
  writeFileSync(truncated, bytes.subarray(0, bytes.length - 100));
  await importPack(app, page, truncated);
  await expectChinese(alert, /学习包未导入：文件不完整/);
  // The same file again, at once: the picker still reacts (it used to ignore a repeated choice).
  await importPack(app, page, truncated);
  await expectChinese(alert, /文件不完整/);

  const notZip = info.outputPath('notes.studypack');
  writeFileSync(notZip, '这不是压缩文件');
  await importPack(app, page, notZip);
  await expectChinese(alert, /不是学习包文件/);

  const damaged = Buffer.from(bytes);
  damaged[200] = damaged[200]! ^ 0xff; // inside the first entry's compressed data
  const corrupt = info.outputPath('damaged.studypack');
  writeFileSync(corrupt, damaged);
  await importPack(app, page, corrupt);
  await expectChinese(alert, /学习包未导入/);

  // Another publisher's pack under the built-in pack's id: refused before any trust question.
  const folder = join(info.outputPath('variant'), 'pack');
  cpSync(join(root, 'packs', 'training-class'), folder, { recursive: true });
  const takeover = info.outputPath('takeover.studypack');
  writeFileSync(takeover, await buildPack(folder, generateKeyPair().privateKeyPem));
  await importPack(app, page, takeover);
  await expectChinese(alert, /已由另一发布方安装/);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);

  // The installed version again: no "from 1.0.0 to 1.0.0".
  await importPack(app, page, builtinPack);
  await expect(page.getByText(/已重新导入/)).toBeVisible();
  await expect(page.getByText(/更新到/)).toHaveCount(0);
});

test('a wrong PIN and a PIN of the wrong form are explained in Chinese', async ({ app }) => {
  const page = app.page;
  const form = page.locator('form', { has: page.getByRole('heading', { name: '新建档案' }) });
  await form.getByLabel('姓名').fill('李四');
  await form.getByLabel('工作单位').fill('省委宣传部');
  const pin = form.getByLabel(/密码/);
  await pin.fill('12');
  await form.getByRole('button', { name: /创建档案/ }).click();
  expect(await pin.evaluate((el: HTMLInputElement) => el.validationMessage)).toBe('密码须为 4–8 位数字。');
  await pin.fill('2468');
  await form.getByRole('button', { name: /创建档案/ }).click();
  await new HomePage(page).expectLoaded();

  await page.getByRole('button', { name: '切换学员' }).click();
  await page.getByRole('button', { name: /李四/ }).click();
  const prompt = page.getByLabel(/请输入 李四 的密码/);
  await prompt.fill('1357');
  await page.getByRole('button', { name: '解锁' }).click();
  await expectChinese(page.getByRole('alert'), /密码不正确/);
  await prompt.fill('1');
  await page.getByRole('button', { name: '解锁' }).click();
  expect(await prompt.evaluate((el: HTMLInputElement) => el.validationMessage)).toBe('密码须为 4–8 位数字。');
});

test('a record changed after export is refused in Chinese at the venue', async ({ app }, info) => {
  const page = app.page;
  await new ProfilesPage(page).create('王五', '省财政厅');
  await new HomePage(page).expectLoaded();
  await nav(page, /我的进度/);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '保存签名记录（JSON）' }).click();
  const file = info.outputPath('wang-wu.json');
  await (await download).saveAs(file);
  writeFileSync(file, readFileSync(file, 'utf8').replace('王五', '王六'));
  const notJson = info.outputPath('broken.json');
  writeFileSync(notJson, '{ this is not json');

  await enterVenue(page, app.origin);
  await page.getByLabel('选择记录文件').setInputFiles([file, notJson]);
  await page.getByRole('button', { name: '校验文件并生成汇总' }).click();
  const rejected = page.locator('.rejected-list');
  await expect(rejected).toContainText('签名无效：记录在导出后被修改');
  await expect(rejected).toContainText('不是有效的 JSON 文件');
  expect(await rejected.innerText()).not.toMatch(ENGLISH_SENTENCE);
  expect(await page.locator('main').innerText()).not.toMatch(/is not valid JSON|changed after it was signed/);
});
