import { expect, type Page } from '@playwright/test';

/** Page objects shared by both hosts' projects: what a participant does, in their words. */
export class ProfilesPage {
  constructor(private readonly page: Page) {}

  async create(name: string, unit: string, opts: { venue?: string; pin?: string } = {}) {
    const form = this.page.locator('form', { has: this.page.getByRole('heading', { name: /新建档案|New profile/ }) });
    await form.getByLabel(/姓名|Name/).fill(name);
    await form.getByLabel(/工作单位|Work unit/).fill(unit);
    if (opts.venue) await form.getByLabel(/分会场|Branch venue/).fill(opts.venue);
    if (opts.pin) await form.getByLabel(/密码|PIN/).fill(opts.pin);
    await form.getByRole('button', { name: /创建档案|Create profile/ }).click();
  }
}

export class HomePage {
  constructor(private readonly page: Page) {}

  sessionCards() {
    return this.page.locator('.session-card');
  }

  /** Home as React renders it, not the first paint before it (src/shared/first-screen). */
  async expectLoaded() {
    await expect(this.sessionCards()).toHaveCount(6);
    await expect(this.page.locator('[data-first-paint]')).toHaveCount(0);
  }

  async openSession(n: number) {
    await this.sessionCards()
      .nth(n - 1)
      .locator('.session-link')
      .click();
    await expect(this.page.getByTestId('material')).toBeVisible();
  }
}

export class SessionPage {
  constructor(private readonly page: Page) {}

  material() {
    return this.page.getByTestId('material');
  }

  keyPoint(index: number) {
    return this.page.locator('.key-point').nth(index).getByRole('checkbox');
  }

  notes() {
    return this.page.getByRole('textbox', { name: /我的心得|My notes/ });
  }

  async waitSaved() {
    await expect(this.page.locator('.save-state')).toHaveText(/已保存|Saved/);
  }
}

export async function nav(page: Page, name: RegExp) {
  await page.getByRole('navigation').getByRole('link', { name }).click();
}
