import { expect, type Page } from '@playwright/test';
import type { MediaEntry } from '../../../src/shared/contract/library';
import type { MediaProgress } from '../../../src/shared/contract/watch';
import type { AppHost } from '../support/hosts';
import { callApp } from '../support/app-call';
import { nav } from './app-pages';

/** Imports a .studypack through the library screen, trusting its publisher, and studies it. */
export async function importAndStudy(app: AppHost, file: string, title: RegExp) {
  const page = app.page;
  await nav(page, /学习包|Packs|Library/);
  await app.chooseFiles([file], () => page.getByRole('button', { name: /选择 .studypack 文件|Choose/ }).click());
  await page.getByRole('button', { name: /信任此发布方并导入|Trust/ }).click();
  await expect(page.getByText(/已导入/)).toBeVisible();
  await page
    .locator('li.card', { hasText: title })
    .getByRole('button', { name: /学习此学习包|Study/ })
    .click();
  await nav(page, /首页|Home/);
}

/** The session screen's player for one recording, as a participant uses it. */
export class PlayerPage {
  constructor(private readonly page: Page) {}

  player() {
    return this.page.getByTestId('player').first();
  }
  video() {
    return this.page.getByTestId('session-video');
  }
  /** The focusable area the keyboard shortcuts act on. */
  stage() {
    return this.player().getByRole('group', { name: /播放器|player/ });
  }
  playButton() {
    return this.player().getByRole('button', { name: /^(播放|暂停|Play|Pause)$/ });
  }
  time(): Promise<number> {
    return this.video().evaluate((v: HTMLVideoElement) => v.currentTime);
  }
  paused(): Promise<boolean> {
    return this.video().evaluate((v: HTMLVideoElement) => v.paused);
  }
  async mute() {
    await this.video().evaluate((v: HTMLVideoElement) => {
      v.muted = true;
    });
  }
  async waitPast(t: number) {
    await expect.poll(() => this.time(), { timeout: 20_000 }).toBeGreaterThan(t);
  }
  async waitSeeked(near: number) {
    await expect
      .poll(async () => Math.abs((await this.time()) - near), {
        message: `the playhead reaches ${near.toFixed(2)} s`,
        timeout: 20_000,
      })
      .toBeLessThan(0.6);
  }
  /** The page as the participant sees it when they switch to another window and back. */
  async setHidden(hidden: boolean) {
    await this.page.evaluate((h) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (h ? 'hidden' : 'visible') });
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => h });
      document.dispatchEvent(new Event('visibilitychange'));
    }, hidden);
  }
  /** What the core has stored for this recording. */
  async stored(sessionId: string, path: string): Promise<MediaProgress> {
    const { items } = await callApp<{ items: MediaEntry[] }>(this.page, 'media.list', { sessionId });
    const entry = items.find((m) => m.path === path);
    if (!entry?.progress) throw new Error(`no progress for ${path}`);
    return entry.progress;
  }
}
