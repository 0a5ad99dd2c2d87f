import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPackToFile } from '../../src/core/packs/build';
import { generateKeyPair } from '../../src/core/packs/keys';
import { ffprobeDuration } from '../../src/cli/probe';
import { makeMediaPackFolder, makeVideo } from '../fixtures/media/make';
import { HomePage, nav, ProfilesPage } from './pages/app-pages';
import { importAndStudy, PlayerPage } from './pages/player-pages';
import { expect, test } from './support/fixtures';

/*
 * The session player and honest watch progress, end to end: a 20-second recording whose session
 * is complete once 90% of it is watched. What is played, skipped, hidden and idle is checked
 * against what the core stored.
 */

const LENGTH = 20;
const PATH = 'media/s1.mp4';
/** One caption every 5 seconds, so the transcript has lines to click and follow. */
const vtt = (lines: string[]) =>
  'WEBVTT\n\n' +
  lines
    .map(
      (text, i) =>
        `00:${String(i * 5).padStart(2, '0')}.000 --> 00:${String(i * 5 + 5).padStart(2, '0')}.000\n${text}\n`,
    )
    .join('\n');
const ZH = ['开场白', '学习贵在坚持', '每天进步一点点', '第二部分：实践'];
const EN = ['Opening', 'Persistence', 'Small steps', 'Part two: practice'];

let work: string;
let packFile: string;

test.beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'study-e2e-player-'));
  const folder = makeMediaPackFolder(join(work, 'pack'));
  makeVideo(join(folder, PATH), 'mp4', LENGTH);
  writeFileSync(join(folder, 'media/s1.zh-CN.vtt'), vtt(ZH));
  writeFileSync(join(folder, 'media/s1.en.vtt'), vtt(EN));
  const manifestPath = join(folder, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const s1 = manifest.sessions[0];
  s1.media[0].chapters = [
    { start: 0, title: '开场', keyPoints: ['kp-steps'] },
    { start: 15, title: '第二部分：实践', keyPoints: ['kp-persist'] },
  ];
  s1.completion = { media: [{ path: PATH, fraction: 0.9 }], reading: false, keyPoints: false, quiz: false };
  s1.credit = { kind: 'fixed', hours: 1 };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  packFile = join(work, 'player.studypack');
  await buildPackToFile(folder, generateKeyPair().privateKeyPem, packFile, { probeDuration: ffprobeDuration });
});
test.afterAll(() => rmSync(work, { recursive: true, force: true }));

test.use({ viewport: { width: 1280, height: 720 } });

// Real playback takes real time (about 20 s of it here); the margin is for a shared, busy 2-core machine.
test.setTimeout(90_000);

test('watching is recorded honestly, resumes, and completes the session only when the rule is met', async ({ app }) => {
  const page = app.page;
  const shots = test.info();
  await new ProfilesPage(page).create('王五', '省委组织部');
  await importAndStudy(app, packFile, /Mini pack/);
  await expect(new HomePage(page).sessionCards()).toHaveCount(2);
  await expect(new HomePage(page).sessionCards().first().getByTestId('watched-line')).toHaveText(
    `已观看 0 / ${LENGTH} 秒`,
  );
  await new HomePage(page).openSession(1);

  const p = new PlayerPage(page);
  const badge = page.locator('.session-meta .badge');
  await expect(badge).not.toHaveText('已完成');
  await expect(page.getByTestId('watched-line')).toHaveText(`已观看 0 / ${LENGTH} 秒`);

  // Play from the start, then skip ahead 5 s with the keyboard (→): the skipped part earns nothing.
  await p.mute();
  await p.playButton().click();
  await p.waitPast(2.5);
  await p.stage().focus();
  const skippedFrom = await p.time();
  await page.keyboard.press('ArrowRight');
  await p.waitSeeked(skippedFrom + 5);
  const skippedTo = skippedFrom + 5;
  await p.waitPast(skippedTo + 2);
  await page.keyboard.press('Space');
  await expect.poll(() => p.paused()).toBe(true);
  const pausedAt = await p.time();

  await expect.poll(async () => (await p.stored('s1', PATH)).intervals.length, { message: 'saved on pause' }).toBe(2);
  let stored = await p.stored('s1', PATH);
  const [first, second] = stored.intervals;
  expect(first![0]).toBeLessThan(0.5);
  expect(Math.abs(first![1] - skippedFrom)).toBeLessThan(0.6);
  expect(Math.abs(second![0] - skippedTo)).toBeLessThan(0.6);
  expect(Math.abs(second![1] - pausedAt)).toBeLessThan(0.6);
  // Time on task is the wall-clock time spent playing those (at 1x about the same), not the span skipped.
  const played = first![1] - first![0] + (second![1] - second![0]);
  expect(Math.abs(stored.seconds - played)).toBeLessThanOrEqual(2);

  // Play again, then the page is hidden (another window): playing stops and nothing more is counted.
  await page.keyboard.press('Space');
  await p.waitPast(pausedAt + 1.2);
  await p.setHidden(true);
  await expect.poll(() => p.paused()).toBe(true);
  const hiddenAt = await p.time();
  await page.waitForTimeout(1000); // hidden for a while: this must add nothing
  await p.setHidden(false);
  await expect.poll(async () => (await p.stored('s1', PATH)).intervals[1]![1]).toBeGreaterThan(pausedAt + 1);
  stored = await p.stored('s1', PATH);
  expect(stored.intervals).toHaveLength(2);
  expect(Math.abs(stored.intervals[1]![1] - hiddenAt)).toBeLessThan(0.6);
  expect(Math.abs(stored.position - hiddenAt)).toBeLessThan(0.6);
  expect(await p.paused()).toBe(true);
  await expect(badge).not.toHaveText('已完成');
  await expect(page.getByTestId('watched-line')).toHaveText(
    `已观看 ${Math.floor(stored.coveredSeconds)} / ${LENGTH} 秒`,
  );
  await page.screenshot({ path: shots.outputPath('player-zh-CN-1280x720.png') });
  const axe = await new AxeBuilder({ page }).include('[data-testid="player"]').analyze();
  expect(
    axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    'axe on the player',
  ).toEqual([]);

  // Reload with a clock the test can move (for the idle question below): the player resumes where it was.
  await page.clock.install();
  await page.reload();
  await expect(p.video()).toBeVisible();
  await p.waitSeeked(hiddenAt);

  // The transcript: a line seeks there; while playing, the line playing is marked.
  await p
    .player()
    .getByRole('button', { name: /每天进步一点点/ })
    .click();
  await p.waitSeeked(10);
  await p.mute();
  await p.playButton().click();
  await expect(p.player().locator('.cue[aria-current="true"]')).toContainText('每天进步一点点');
  await expect(p.player().locator('.player-caption')).toHaveText('每天进步一点点');
  // c turns captions off and on again.
  await p.stage().focus();
  await page.keyboard.press('c');
  await expect(p.player().locator('.player-caption')).toHaveCount(0);
  await expect(p.player().getByRole('combobox', { name: '字幕' })).toHaveValue('');
  await page.keyboard.press('c');
  await expect(p.player().getByRole('combobox', { name: '字幕' })).toHaveValue('zh-CN');
  // f: full screen (the video with its controls and captions) and back.
  await page.keyboard.press('f');
  await expect(p.player().getByRole('button', { name: '退出全屏' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('f');
  await expect(p.player().getByRole('button', { name: '全屏' })).toHaveAttribute('aria-pressed', 'false');

  // Nobody touched anything for 16 minutes: the player pauses and asks; the wait counts for nothing.
  const before = (await p.stored('s1', PATH)).seconds;
  await page.clock.fastForward('16:00');
  const dialog = page.getByRole('dialog', { name: '还在学习吗？' });
  await expect(dialog).toBeVisible();
  await expect.poll(() => p.paused()).toBe(true);
  await page.screenshot({ path: shots.outputPath('still-there-zh-CN.png') });
  const stoppedAt = await p.time();
  await expect.poll(async () => Math.abs((await p.stored('s1', PATH)).position - stoppedAt)).toBeLessThan(0.6);
  expect((await p.stored('s1', PATH)).seconds - before).toBeLessThan(15);
  await dialog.getByRole('button', { name: '继续学习' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => p.paused()).toBe(false);

  // "Watch this part" on a key point seeks to its chapter and gives the player focus.
  await page
    .getByTestId('kp-kp-persist')
    .getByRole('button', { name: /观看这一部分/ })
    .click();
  await p.waitSeeked(15);
  await expect(p.stage()).toBeFocused();
  await expect(badge).not.toHaveText('已完成');

  // Watch the rest at double speed: first the part skipped, then to the end. Only then is it complete.
  await p.player().getByRole('combobox', { name: '速度' }).selectOption('2');
  await p
    .player()
    .getByRole('button', { name: /开场白/ })
    .click();
  await p.waitPast(skippedTo + 0.5);
  await expect(badge).not.toHaveText('已完成');
  await p
    .player()
    .getByRole('button', { name: /每天进步一点点/ })
    .click();
  await expect(badge).toHaveText('已完成', { timeout: 20_000 });
  stored = await p.stored('s1', PATH);
  expect(stored.fraction).toBeGreaterThanOrEqual(0.9);
  await nav(page, /首页/);
  await expect(new HomePage(page).sessionCards().first().locator('.badge')).toHaveText('已完成');
  await expect(new HomePage(page).sessionCards().first().getByTestId('watched-line')).toContainText('已观看');
  await page.screenshot({ path: shots.outputPath('home-zh-CN-1280x720.png') });

  // The same player in English.
  await nav(page, /设置/);
  await page.getByRole('combobox', { name: '界面语言' }).selectOption('en');
  await nav(page, /Home/);
  await new HomePage(page).openSession(1);
  await expect(p.player().getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(page.getByTestId('watched-line')).toHaveText(new RegExp(`^Watched \\d+ of ${LENGTH} seconds$`));
  await p.player().getByRole('combobox', { name: 'Captions' }).selectOption('en');
  await p
    .player()
    .getByRole('button', { name: /Part two: practice/ })
    .click();
  await page.screenshot({ path: shots.outputPath('player-en-1280x720.png') });

  // Session 2's audio plays in the same player (no full screen for sound only).
  await page.getByRole('link', { name: 'Back to all sessions' }).click();
  await new HomePage(page).openSession(2);
  const audio = page.getByTestId('player').filter({ has: page.getByTestId('session-audio') });
  await expect(audio.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(audio.getByRole('button', { name: 'Full screen' })).toHaveCount(0);
  await audio.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shots.outputPath('audio-en-1280x720.png') });
});
