import { expect, type Download, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { HomePage, nav, ProfilesPage, SessionPage } from './pages/app-pages';
import { answerAll, answerKey, submit } from './pages/quiz-pages';
import { enterVenue } from './pages/venue-pages';
import { test } from './support/fixtures';

test.use({ locale: 'en-US' });

async function saved(download: Promise<Download>, path: string): Promise<string> {
  await (await download).saveAs(path);
  return path;
}

async function exportRecord(page: Page, path: string): Promise<string> {
  await nav(page, /My progress/);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save signed record (JSON)' }).click();
  return saved(download, path);
}

async function switchTo(page: Page, name: string, unit: string) {
  await page.getByRole('button', { name: 'Switch participant' }).click();
  await new ProfilesPage(page).create(name, unit);
  await new HomePage(page).expectLoaded();
}

test('quiz: fail, review, practise, pass, complete; then a venue collects records and exports XLSX', async ({
  app,
}, info) => {
  test.setTimeout(180_000);
  const page = app.page;
  const key = answerKey('s2');
  await new ProfilesPage(page).create('Zhang San', 'Organization Department');
  const home = new HomePage(page);
  await home.expectLoaded();
  await home.openSession(2);

  // Read the material to the end and review every key point.
  await page.evaluate(() => window.scrollTo({ top: document.body.scrollHeight }));
  await expect(page.getByText('You have read this material to the end.')).toBeVisible();
  const points = page.locator('.key-point');
  for (let i = 0; i < (await points.count()); i++) await new SessionPage(page).keyPoint(i).check();

  // First attempt: every answer wrong.
  await page.getByRole('link', { name: /quiz/i }).first().click();
  await page.getByRole('button', { name: /Start the quiz|Continue the quiz/ }).click();
  await answerAll(page, key, false);
  await submit(page);
  await expect(page.getByText(/Not passed yet/)).toBeVisible();
  // The review shows the right answer, the explanation and a link to the passage.
  const firstReview = page.getByTestId(`review-${key[0]!.id}`);
  await expect(firstReview.getByText('Correct answer')).toBeVisible();
  await expect(firstReview.getByText(key[0]!.explanation)).toBeVisible();
  await expect(firstReview.getByRole('link', { name: 'Show in the article' })).toHaveAttribute(
    'href',
    /source\?quote=/,
  );

  // Practise the wrong answers until the list is empty.
  await page
    .getByRole('link', { name: /Practise \d+ wrong answers?/ })
    .first()
    .click();
  await page.getByRole('button', { name: /Practise \d+ wrong answers?/ }).click();
  await answerAll(page, key, true);
  await submit(page);
  await page.goto(`${app.origin}/#/session/s2/practice`);
  await expect(page.getByText(/Nothing to practise/)).toBeVisible();

  // Second attempt passes and completes the session.
  await page.goto(`${app.origin}/#/session/s2/quiz`);
  await page.getByRole('button', { name: /Start the quiz|Continue the quiz/ }).click();
  await answerAll(page, key, true);
  await submit(page);
  await expect(page.getByText('Well done: this session is now complete.')).toBeVisible();

  await nav(page, /Home/);
  await expect(home.sessionCards().nth(1)).toContainText('Complete');
  await expect(page.getByText('1 of 6 sessions complete')).toBeVisible();
  await nav(page, /My progress/);
  // The progress table's row (the 学时 ledger below has a row per session too).
  const row = page
    .getByRole('table', { name: 'Progress per session', exact: true })
    .getByRole('row', { name: /Session 2/ });
  await expect(row).toContainText('100%');
  await expect(row).toContainText('Complete');

  const mine = await exportRecord(page, info.outputPath('zhang-san.json'));

  // Two more participants on the same laptop hand in records; one file gets edited afterwards.
  await switchTo(page, 'Li Si', 'Publicity Department');
  const li = await exportRecord(page, info.outputPath('li-si.json'));
  await switchTo(page, 'Wang Wu', 'Finance Department');
  const wang = await exportRecord(page, info.outputPath('wang-wu.json'));
  writeFileSync(wang, readFileSync(wang, 'utf8').replace('Wang Wu', 'Wang Liu'));

  // The venue, from its own entry on the start screen, imports the three files.
  await enterVenue(page, app.origin);
  await page.getByLabel('Choose record files').setInputFiles([mine, li, wang]);
  await page.getByRole('button', { name: 'Check files and make the report' }).click();
  await expect(page.getByText('1 file was rejected')).toBeVisible();
  await expect(page.getByText(/wang-wu\.json/)).toBeVisible();
  await expect(page.getByText(/signature invalid: the record was changed/)).toBeVisible();
  await expect(page.getByText('2 participants').first()).toBeVisible();

  // The XLSX holds the same numbers: read it back.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export Excel (XLSX)' }).click();
  const file = await saved(download, info.outputPath('venue.xlsx'));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = wb.getWorksheet('Participants')!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  const rows = [2, 3].map((n) => (sheet.getRow(n).values as unknown[]).slice(1));
  const col = (name: string) => header.indexOf(name);
  const zhang = rows.find((r) => r[col('Name')] === 'Zhang San')!;
  const liRow = rows.find((r) => r[col('Name')] === 'Li Si')!;
  expect(zhang[col('S2 passed')]).toBe('yes');
  expect(zhang[col('S2 best score (%)')]).toBe(100);
  expect(zhang[col('Sessions completed')]).toBe(1);
  expect(zhang[col('Sessions total')]).toBe(6);
  expect(liRow[col('S2 passed')]).toBe('no');
  expect(liRow[col('Sessions completed')]).toBe(0);
  expect(sheet.getRow(4).values).toEqual([]);
  const rejected = wb.getWorksheet('Rejected files')!;
  expect(rejected.getRow(2).getCell(1).value).toBe('wang-wu.json');
  const summary = wb.getWorksheet('Summary')!;
  expect(summary.getRow(3).values).toEqual([undefined, 2, expect.any(String), 1, 1, 0]); // no credit: the pack grants none
});
