import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPackToFile } from '../../src/core/packs/build';
import { generateKeyPair } from '../../src/core/packs/keys';
import { makeMediaPackFolder } from '../fixtures/media/make';
import { HomePage, nav, ProfilesPage } from './pages/app-pages';
import { expect, test } from './support/fixtures';

/**
 * Material that shows its session's media by pack path (issues #11, #12): session one links its
 * slides (a PDF, opened in the app's own viewer), session two shows its whiteboard picture inline.
 */
let work: string;
let packFile: string;

test.beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'study-e2e-material-media-'));
  const folder = makeMediaPackFolder(join(work, 'pack'), { durations: true });
  appendFileSync(join(folder, 'sessions/s1/material.md'), '\n讲课用的[幻灯片讲义](media/slides.pdf)可以在这里打开。\n');
  appendFileSync(join(folder, 'sessions/s2/material.md'), '\n![课堂白板](media/board.png)\n\n白板之后的段落。\n');
  packFile = join(work, 'material-media.studypack');
  await buildPackToFile(folder, generateKeyPair().privateKeyPem, packFile);
});
test.afterAll(() => rmSync(work, { recursive: true, force: true }));

const STORE_URL = /\/media\/[0-9a-f]{64}\.(png|pdf)$/;

test('material shows its picture inline and opens its PDF in the app’s own viewer', async ({ app }) => {
  const page = app.page;
  // A CSP violation would mean the page asked for something the policy refuses (or the viewer was blocked).
  await page.evaluate(() => {
    const g = globalThis as unknown as { __csp: string[]; addEventListener: typeof addEventListener };
    g.__csp = [];
    g.addEventListener('securitypolicyviolation', (e) =>
      g.__csp.push(
        `${(e as SecurityPolicyViolationEvent).violatedDirective} ${(e as SecurityPolicyViolationEvent).blockedURI}`,
      ),
    );
  });
  await new ProfilesPage(page).create('赵六', '省委组织部');
  await new HomePage(page).expectLoaded();
  await nav(page, /学习包/);
  await app.chooseFiles([packFile], () => page.getByRole('button', { name: '选择 .studypack 文件' }).click());
  await page.getByRole('button', { name: /信任此发布方并导入/ }).click();
  await expect(page.getByText(/已导入“Mini pack 迷你学习包”/)).toBeVisible();
  await page.locator('li.card', { hasText: 'Mini pack' }).getByRole('button', { name: '学习此学习包' }).click();

  // Session two: the picture, from the media store, loaded, in place of its paragraph.
  await nav(page, /首页|主页|Home/);
  await new HomePage(page).openSession(2);
  const material = page.getByTestId('material');
  const figure = material.getByTestId('media-figure');
  await expect(figure).toHaveAttribute('data-path', 'media/board.png');
  await expect(figure.locator('figcaption')).toHaveText('课堂白板');
  const img = figure.getByRole('img', { name: '课堂白板' });
  await expect(img).toHaveAttribute('src', STORE_URL);
  await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBe(64);
  const png = await page.request.get(new URL((await img.getAttribute('src'))!, page.url()).href);
  expect(png.headers()['content-type']).toBe('image/png');
  await expect(material.locator('p', { hasText: '白板之后的段落。' })).toBeVisible();
  await figure.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('material-image.png') });

  // Session one: the link opens the PDF in a dialog, in Chromium's viewer, with a save link.
  await nav(page, /首页|主页|Home/);
  await new HomePage(page).openSession(1);
  const link = page.getByTestId('material').getByRole('button', { name: /幻灯片讲义/ });
  await expect(link).toHaveAttribute('data-path', 'media/slides.pdf');
  await link.click();
  const dialog = page.getByRole('dialog', { name: 'Slides 讲义' });
  await expect(dialog).toBeVisible();
  const viewer = dialog.getByTestId('pdf-viewer');
  const src = (await viewer.getAttribute('src'))!;
  expect(src).toMatch(STORE_URL);
  const pdfUrl = new URL(src, page.url()).href;
  const pdf = await page.request.get(pdfUrl);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // The frame shows the PDF itself, not Chromium's error page for a refused frame.
  await expect.poll(() => page.frames().map((f) => f.url())).toContain(pdfUrl);
  expect(page.frames().map((f) => f.url())).not.toContain('chrome-error://chromewebdata/');
  // Where the browser has a PDF viewer (Debian's Chromium has; Electron's too), it comes up in the frame.
  if (await page.evaluate(() => navigator.pdfViewerEnabled)) {
    const isViewer = (url: string) => url.startsWith('chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/');
    await expect.poll(() => page.frames().some((f) => isViewer(f.url()))).toBe(true);
    const viewerFrame = page.frames().find((f) => isViewer(f.url()))!;
    await expect
      .poll(() =>
        viewerFrame.evaluate(() => document.readyState === 'complete' && !!document.querySelector('pdf-viewer')),
      )
      .toBe(true);
  }
  await page.screenshot({ path: test.info().outputPath('material-pdf.png') });

  const save = dialog.getByRole('link', { name: '另存一份' });
  await expect(save).toHaveAttribute('href', src);
  const [download] = await Promise.all([page.waitForEvent('download'), save.click()]);
  expect(download.suggestedFilename()).toBe('slides.pdf');
  await download.cancel();

  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(dialog).toBeHidden();
  await expect(link).toBeVisible();

  // The session's own media list opens the same viewer (slides are not framed in the page).
  const list = page.locator('.session-media');
  await list.getByRole('button', { name: /打开“Slides 讲义”（\d+ B）/ }).click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('pdf-viewer')).toHaveAttribute('src', src);
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(dialog).toBeHidden();
  await expect(list.getByRole('link', { name: '另存一份' })).toHaveAttribute('href', src);
  expect(await page.evaluate(() => (globalThis as unknown as { __csp: string[] }).__csp)).toEqual([]);
});
