import { expect } from '@playwright/test';
import { enterVenue } from './pages/venue-pages';
import { test } from './support/fixtures';
import { venueFiles } from './support/records';

for (const lang of ['zh-CN', 'en'] as const) {
  test.describe(`venue report (${lang})`, () => {
    test.use({ locale: lang === 'en' ? 'en-US' : 'zh-CN', viewport: { width: 1024, height: 640 } });

    test('is readable at 1024 and 1280 px: the table scrolls inside itself, names stay in view', async ({
      app,
    }, info) => {
      test.setTimeout(120_000);
      const page = app.page;
      const { files, roster } = await venueFiles(40);
      // A participant profile on the venue's computer, for the administration screen.
      await page.evaluate(async (url) => {
        await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name: '陈静', unit: '省财政厅', venue: '武汉分会场' }),
        });
      }, `${app.origin}/api/profiles.create`);
      await enterVenue(page, app.origin);
      await page.getByLabel(lang === 'en' ? 'Choose record files' : /选择记录文件/).setInputFiles(files);
      await page.getByLabel(lang === 'en' ? /Roster/ : /名册/).setInputFiles(roster);
      // The GBK roster is read as Chinese, with its header recognised.
      await expect(
        page.getByText(lang === 'en' ? /header in row 1: 姓名, 工作单位/ : /表头在第 1 行：姓名、工作单位/),
      ).toBeVisible();
      await page.getByRole('button', { name: lang === 'en' ? 'Check files and make the report' : /校验文件/ }).click();
      await expect(page.locator('.venue-table tbody tr')).toHaveCount(40);
      // Session titles in the reader's language: the built-in pack is English with a Chinese translation.
      await expect(
        page.getByRole('rowheader', {
          name: lang === 'en' ? /The special training class and who took part/ : /专题培训班及参加人员/,
        }),
      ).toBeVisible();

      for (const [w, h] of [
        [1024, 640],
        [1280, 800],
      ] as const) {
        await page.setViewportSize({ width: w, height: h });
        // No sideways scrolling of the page: only the table's own box scrolls.
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        const table = page.locator('.venue-table-wrap');
        await table.scrollIntoViewIfNeeded();
        await page.screenshot({ path: info.outputPath(`venue-report-${lang}-${w}x${h}.png`) });
        await table.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
        const name = page.locator('.venue-table tbody th').first();
        const box = (await name.boundingBox())!;
        const wrap = (await table.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(wrap.x - 1); // the name column stayed in view
        await page.screenshot({ path: info.outputPath(`venue-report-${lang}-${w}x${h}-scrolled.png`) });
        await table.evaluate((el) => el.scrollTo({ left: 0 }));
      }
      // The edited file is rejected and said so in the reader's language.
      await expect(page.getByText(lang === 'en' ? /signature invalid/ : /签名无效/)).toBeVisible();
      await page
        .getByRole('heading', { name: lang === 'en' ? 'Summary by work unit' : '各单位汇总' })
        .scrollIntoViewIfNeeded();
      await page.screenshot({ path: info.outputPath(`venue-units-${lang}.png`) });
      // The administration beside the report: this computer's profiles, with their actions.
      await page
        .getByRole('navigation')
        .getByRole('button', { name: lang === 'en' ? 'Profiles' : '学员档案' })
        .click();
      await page
        .getByRole('button', { name: lang === 'en' ? 'Correct name or unit' : '更正姓名或单位' })
        .first()
        .click();
      await page.screenshot({ path: info.outputPath(`venue-admin-${lang}.png`) });
    });
  });
}
