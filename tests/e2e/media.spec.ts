import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPackToFile } from '../../src/core/packs/build';
import { generateKeyPair } from '../../src/core/packs/keys';
import { ffprobeDuration } from '../../src/cli/probe';
import { makeMediaPackFolder } from '../fixtures/media/make';
import { HomePage, nav, ProfilesPage } from './pages/app-pages';
import { expect, test } from './support/fixtures';

let work: string;
let packFile: string;

test.beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'study-e2e-media-'));
  const folder = makeMediaPackFolder(join(work, 'pack'));
  packFile = join(work, 'recorded.studypack');
  await buildPackToFile(folder, generateKeyPair().privateKeyPem, packFile, { probeDuration: ffprobeDuration });
});
test.afterAll(() => rmSync(work, { recursive: true, force: true }));

test('a pack of recorded sessions is imported, and its video plays and seeks through byte ranges', async ({ app }) => {
  const page = app.page;
  const ranged: Array<{ status: number; range: string | null }> = [];
  page.on('response', (r) => {
    if (new URL(r.url()).pathname.startsWith('/media/'))
      ranged.push({ status: r.status(), range: r.request().headers()['range'] ?? null });
  });
  await new ProfilesPage(page).create('王五', '省委组织部');
  await new HomePage(page).expectLoaded();

  await nav(page, /学习包/);
  await app.chooseFiles([packFile], () => page.getByRole('button', { name: '选择 .studypack 文件' }).click());
  await page.getByRole('button', { name: /信任此发布方并导入/ }).click();
  await expect(page.getByText(/已导入“Mini pack 迷你学习包”/)).toBeVisible();
  const card = page.locator('li.card', { hasText: 'Mini pack' });
  await expect(card.getByTestId('pack-size')).toContainText('5 个媒体文件');
  await page.screenshot({ path: test.info().outputPath('library.png'), fullPage: true });
  await card.getByRole('button', { name: '学习此学习包' }).click();

  await nav(page, /首页|主页|Home/);
  await new HomePage(page).openSession(1);
  const video = page.getByTestId('session-video');
  await expect(video).toBeVisible();
  await expect(page.locator('video track')).toHaveCount(2);

  // Play (muted: no user gesture is needed for autoplay then), seek to the middle, keep playing.
  await video.evaluate(async (v: HTMLVideoElement) => {
    v.muted = true;
    await v.play();
  });
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeGreaterThan(0.2);
  const duration = await video.evaluate((v: HTMLVideoElement) => v.duration);
  expect(duration).toBeGreaterThan(5);
  const landed = await video.evaluate(
    (v: HTMLVideoElement, to: number) =>
      new Promise<number>((resolve) => {
        v.addEventListener('seeked', () => resolve(v.currentTime), { once: true });
        v.currentTime = to;
      }),
    duration / 2,
  );
  expect(Math.abs(landed - duration / 2)).toBeLessThan(0.5);
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeGreaterThan(duration / 2 + 0.2);
  expect(await video.evaluate((v: HTMLVideoElement) => v.error)).toBeNull();

  expect(
    ranged.some((r) => r.status === 206 && r.range !== null),
    JSON.stringify(ranged),
  ).toBe(true);
  await page.screenshot({ path: test.info().outputPath('session-video.png'), fullPage: false });
});
