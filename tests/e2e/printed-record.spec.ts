import { expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { nav, ProfilesPage } from './pages/app-pages';
import { test } from './support/fixtures';

/**
 * "My progress" printed (Chromium's own PDF of the print stylesheet): one A4 page with the record
 * number, the verification code, page numbers and signature lines, and no table word broken.
 */
test('the printed record is a one-page official document', async ({ app }, info) => {
  test.skip(test.info().project.metadata.host === 'electron', 'page.pdf is a Chromium-headless feature');
  const page = app.page;
  await new ProfilesPage(page).create('王小明', '省委组织部');
  await nav(page, /我的进度|学习进度/);
  await expect(page.getByRole('heading', { name: '我的学习进度' })).toBeVisible();
  const code = await page.locator('.record-code').textContent();
  expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: info.outputPath('printed-record.png'), fullPage: true });
  const pdf = info.outputPath('record.pdf');
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  const pdfInfo = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  expect(pdfInfo).toMatch(/^Pages:\s+1$/m);
  expect(pdfInfo).toMatch(/A4/);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  for (const words of ['学习完成记录', '记录编号', '校验码', code!, '测验通过', '分会场（盖章）']) {
    expect(text, words).toContain(words);
  }
  expect(text).toMatch(/^\s*1\s*\/\s*1\s*$/m); // the page number
});
