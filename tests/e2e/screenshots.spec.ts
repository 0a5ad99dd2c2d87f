import { expect, type Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HomePage, nav, ProfilesPage } from './pages/app-pages';
import { enterVenue } from './pages/venue-pages';
import { test } from './support/fixtures';
import { root } from './support/hosts';

/**
 * What a participant sees, to be looked at (docs/screenshots): home, a session, a quiz, the
 * library with a refused pack and the venue report, in Chinese and English, at 1280×800 and
 * 1024×640, at 100% and 200% text. Viewport-sized, as on screen; the quiz is scrolled to a
 * question further down, where a sticky header could cover it.
 */
const out = join(root, 'docs', 'screenshots');
const sizes = [
  { width: 1280, height: 800 },
  { width: 1024, height: 640 },
];
const scales = [1, 2];

const words = {
  'zh-CN': { name: '张三', unit: '省委组织部', progress: /我的进度/, save: '保存签名记录（JSON）' },
  en: {
    name: 'Zhang San',
    unit: 'Organization Department',
    progress: /My progress/,
    save: 'Save signed record (JSON)',
  },
} as const;

async function setTextScale(page: Page, textScale: number) {
  await page.evaluate(async (scale) => {
    await fetch('/api/settings.set', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ textScale: scale }),
    });
  }, textScale);
}

for (const locale of ['zh-CN', 'en'] as const) {
  test.describe(locale, () => {
    test.use({ locale: locale === 'en' ? 'en-US' : 'zh-CN' });

    test(`screenshots in ${locale}`, async ({ app }, info) => {
      test.setTimeout(240_000);
      mkdirSync(out, { recursive: true });
      const page = app.page;
      const w = words[locale];
      await new ProfilesPage(page).create(w.name, w.unit);
      await new HomePage(page).expectLoaded();

      // Files for the refusals: a cut pack, and a record edited after export.
      const pack = readFileSync(join(root, 'resources', 'builtin', 'training-class.studypack'));
      const cut = info.outputPath('class.studypack');
      writeFileSync(cut, pack.subarray(0, pack.length - 100));
      await nav(page, w.progress);
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: w.save }).click();
      const record = info.outputPath('zhang-san.json');
      await (await download).saveAs(record);
      const edited = info.outputPath('edited.json');
      writeFileSync(edited, readFileSync(record, 'utf8').replace(w.name, `${w.name}2`));

      for (const size of sizes) {
        for (const scale of scales) {
          await page.setViewportSize(size);
          await setTextScale(page, scale);
          await page.reload(); // the app reads its settings when it starts
          const shot = async (screen: string, fullPage = false) =>
            page.screenshot({
              path: join(out, `${screen}-${locale}-${size.width}x${size.height}-${scale * 100}.png`),
              fullPage,
            });

          await page.goto(`${app.origin}/#/`);
          await new HomePage(page).expectLoaded();
          await shot('home');

          await page.goto(`${app.origin}/#/session/s2`);
          await expect(page.getByTestId('material')).toBeVisible();
          await shot('session');

          await page.goto(`${app.origin}/#/session/s2/quiz`);
          await page.getByRole('button', { name: /开始自测|继续自测|Start the quiz|Continue the quiz/ }).click();
          const third = page.locator('[data-testid^="question-"]').nth(2);
          await third.locator('input').first().focus();
          await shot('quiz');

          await page.goto(`${app.origin}/#/library`);
          await app.chooseFiles([cut], () =>
            page.getByRole('button', { name: /选择 \.studypack 文件|Choose a \.studypack file/ }).click(),
          );
          const refusal = page.getByRole('alert');
          await expect(refusal).toBeVisible();
          await refusal.scrollIntoViewIfNeeded();
          await shot('library-refused');
        }
      }
      // The venue report lives in the venue's own area (venue mode), entered from the start screen.
      await enterVenue(page, app.origin);
      for (const size of sizes) {
        for (const scale of scales) {
          await page.setViewportSize(size);
          await setTextScale(page, scale);
          await page.reload(); // back at the start screen, whose venue entry opens the venue's area
          await page.getByRole('button', { name: /Venue administration|分会场管理/ }).click();
          await page.getByLabel(/选择记录文件|Choose record files/).setInputFiles([record, edited]);
          await page.getByRole('button', { name: /校验文件并生成汇总|Check files and make the report/ }).click();
          await expect(page.locator('.rejected-list')).toBeVisible();
          await page.screenshot({
            path: join(out, `venue-${locale}-${size.width}x${size.height}-${scale * 100}.png`),
            fullPage: true, // the whole report: totals, participants, rejected files
          });
        }
      }
      await setTextScale(page, 1);
    });
  });
}
