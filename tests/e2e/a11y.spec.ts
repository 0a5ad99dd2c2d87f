import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { HomePage, ProfilesPage } from './pages/app-pages';
import { enterVenue } from './pages/venue-pages';
import { expect, test } from './support/fixtures';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('axe-core finds no serious or critical violation on any screen', async ({ app }) => {
  const page = app.page;
  expect(await seriousViolations(page), 'profiles').toEqual([]);
  await new ProfilesPage(page).create('钱七', '省委办公厅');
  await new HomePage(page).expectLoaded();
  const screens: Array<[string, string]> = [
    ['home', '#/'],
    ['session', '#/session/s1'],
    ['source', '#/source'],
    ['search', '#/search?q=party'],
    ['library', '#/library'],
    ['settings', '#/settings'],
    ['progress', '#/progress'],
  ];
  for (const [name, hash] of screens) {
    await page.goto(`${app.origin}/${hash}`);
    await expect(page.locator('main')).not.toBeEmpty();
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page), name).toEqual([]);
  }
  // The venue's area, entered from the start screen in venue mode.
  await enterVenue(page, app.origin);
  for (const tab of ['分会场汇总', '学员档案', '学习包']) {
    await page.getByRole('navigation').getByRole('button', { name: tab }).click();
    await expect(page.locator('main')).not.toBeEmpty();
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page), `venue: ${tab}`).toEqual([]);
  }
});
