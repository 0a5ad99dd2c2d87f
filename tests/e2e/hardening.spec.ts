import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { loadBuiltin } from '../../src/core/builtin';
import { Core } from '../../src/core/core';
import { recordContentDigest } from '../../src/core/library/content-digest';
import { HomePage, nav, ProfilesPage } from './pages/app-pages';
import { expect, test as base } from './support/fixtures';
import { root } from './support/hosts';

/**
 * Material the renderer must survive. The pathological inputs can no longer be installed (the
 * verifier refuses them), but a database written before the limits existed may hold them: they
 * are written straight into the first session of the built-in pack, as such an install would have.
 */
const test = base.extend<{ material: string }>({
  material: ['', { option: true }],
  dataDir: async ({ material }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'study-e2e-md-'));
    if (material) {
      const core = await Core.open({
        dataDir: dir,
        appName: 'Study Companion',
        appVersion: 'test',
        builtin: loadBuiltin(join(root, 'resources')),
      });
      const pack = core.library.resolve();
      core.db.prepare('UPDATE sessions SET material = ? WHERE pack_id = ? AND ord = 1').run(material, pack);
      // The Chinese UI shows the pack's Chinese material: the same text goes there too.
      core.db
        .prepare(
          'UPDATE session_translations SET material = ? WHERE pack_id = ? AND session_id = (SELECT id FROM sessions WHERE pack_id = ? AND ord = 1)',
        )
        .run(material, pack, pack);
      recordContentDigest(core.db, pack);
      core.close();
    }
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
});

async function openFirstSession(page: Page) {
  await new ProfilesPage(page).create('渲染测试', '省委组织部');
  await new HomePage(page).expectLoaded();
  await new HomePage(page).openSession(1);
}

const PATHOLOGICAL: Record<string, string> = {
  'nested quotes (20 KB of >)': '>'.repeat(20_000) + ' 深处',
  'brackets (200 KB of [)': '['.repeat(200_000),
  'emphasis openers (200 KB of *a)': '*a'.repeat(100_000),
  'a 700-level list': Array.from({ length: 700 }, (_, i) => `${' '.repeat(i * 2)}- 第${i}层`).join('\n'),
};

for (const [what, material] of Object.entries(PATHOLOGICAL)) {
  test.describe(`item 6: material with ${what}`, () => {
    test.use({ material });
    test('shows the session with the text, and the app around it keeps working', async ({ app }) => {
      const page = app.page;
      await openFirstSession(page);
      await expect(page.getByText('Unexpected Application Error')).toHaveCount(0);
      await expect(page.getByTestId('material')).toContainText(material.slice(0, 50));
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await nav(page, /首页|Home/);
      await new HomePage(page).expectLoaded();
    });
  });
}

test.describe('item 7: pack links stay inside the material', () => {
  test.use({
    material: [
      '# 第一讲',
      '',
      '[去学习包](#/library) [去设置](#/settings) [外部](https://example.com/) [看第二节](#第二节)',
      '',
      ...Array.from({ length: 60 }, (_, i) => `段落 ${i}：学习贵在坚持。`),
      '',
      '## 第二节',
      '',
      '第二节的内容。',
    ].join('\n\n'),
  });
  test('in-app routes are plain text; a link to a heading scrolls there without leaving the screen', async ({
    app,
  }) => {
    const page = app.page;
    await openFirstSession(page);
    const material = page.getByTestId('material');
    const before = page.url();
    for (const text of ['去学习包', '去设置', '外部']) {
      await expect(material.getByRole('link', { name: text })).toHaveCount(0);
      await material.getByText(text, { exact: true }).click();
      expect(page.url()).toBe(before);
    }
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const toSection = material.getByRole('link', { name: '看第二节' });
    await toSection.click();
    expect(page.url()).toBe(before);
    await expect(material.getByRole('heading', { name: '第二节' })).toBeInViewport();
  });
});
