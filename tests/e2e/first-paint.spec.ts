import type { Page } from '@playwright/test';
import { HomePage, ProfilesPage } from './pages/app-pages';
import { expect, test } from './support/fixtures';

/**
 * The browser host serves home already drawn from the core's answers (src/shared/first-screen), so
 * the sessions show before any script runs. React's first render must then replace it without a
 * visible change: same elements, attributes and words. A new tab of a signed-in browser shows it.
 */

/** #root as a string of elements, sorted attributes and merged text (the served markup’s own markers left out). */
const markup = (page: Page) =>
  page.evaluate(() => {
    const root = document.getElementById('root')!.cloneNode(true) as HTMLElement;
    root.normalize();
    const ser = (n: Node): string => {
      if (n.nodeType === Node.TEXT_NODE) return n.textContent ? JSON.stringify(n.textContent) : '';
      if (!(n instanceof Element)) return '';
      const attrs = [...n.attributes]
        .filter((a) => a.name !== 'data-first-paint' && a.name !== 'inert')
        .map((a) => `${a.name}="${a.value}"`)
        .sort();
      return `<${n.tagName.toLowerCase()} ${attrs.join(' ')}>${[...n.childNodes].map(ser).join('')}</>`;
    };
    return [...root.childNodes].map(ser).join('\n');
  });

/**
 * Where every element under #root is and how its text is drawn. (Screenshots of the two differ in
 * a few antialiased pixels of a rounded border from run to run, so they are not compared.)
 */
const look = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('#root *')].map((el) => {
      const r = el.getBoundingClientRect();
      const css = getComputedStyle(el);
      return [
        el.tagName,
        ...[r.x, r.y, r.width, r.height].map((n) => Math.round(n * 10) / 10),
        css.fontSize,
        css.fontFamily,
        css.fontWeight,
        css.color,
        css.backgroundColor,
        css.lineHeight,
      ].join(' ');
    }),
  );

async function compareInNewTab(page: Page, textScale = 1) {
  await new ProfilesPage(page).create('张三', '省委组织部');
  await new HomePage(page).expectLoaded();
  await page.evaluate(async (scale) => {
    const res = await fetch('/api/settings.set', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Study-Session': sessionStorage.getItem('studySession')! },
      body: JSON.stringify({ textScale: scale }),
    });
    if (!res.ok) throw new Error(await res.text());
  }, textScale);

  // A new tab (no session of its own yet) with React's code held back until the served home is seen.
  const tab = await page.context().newPage();
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  await tab.route(/\/assets\/boot-[^/]*\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  const calls: string[] = [];
  tab.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/api/')) calls.push(path);
  });
  await tab.goto(page.url());
  await expect(tab.locator('[data-first-paint] .session-card')).toHaveCount(6);
  const painted = await markup(tab);
  const servedLook = await look(tab);
  // The answers came with the page: nothing was asked for before React.
  expect(calls).toEqual([]);
  // What needs a script waits for it; the links work as they are.
  await expect(tab.locator('header[data-first-paint] button')).toHaveAttribute('inert', '');
  await expect(tab.locator('main[data-first-paint]')).not.toHaveAttribute('inert');

  release();
  await new HomePage(tab).expectLoaded();
  expect(await markup(tab)).toBe(painted);
  // And it looks the same: every element where it was, in the same font, size and colours.
  expect(await look(tab)).toEqual(servedLook);
  // React's home took the answers too rather than asking again.
  expect(calls.filter((c) => ['/api/course.overview', '/api/settings.get', '/api/profiles.list'].includes(c))).toEqual(
    [],
  );
  return tab;
}

test.describe('home served with the page', () => {
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
  test.beforeEach(({}, info) =>
    info.skip(info.project.name !== 'browser', 'the browser host writes the answers into index.html'),
  );

  test('serves home drawn as React then renders it (Chinese)', async ({ app }) => {
    const tab = await compareInNewTab(app.page);
    await expect(tab.locator('.session-card').first()).toContainText('专题1');
  });

  test.describe('in English', () => {
    test.use({ locale: 'en-GB' });
    test('serves home drawn as React then renders it (English)', async ({ app }) => {
      const tab = await compareInNewTab(app.page);
      await expect(tab.locator('.session-card').first()).toContainText('Session 1');
    });
  });

  test('serves home at the participant’s text size (200 %)', async ({ app }) => {
    const tab = await compareInNewTab(app.page, 2);
    await expect(tab.locator('html')).toHaveAttribute('data-large-text', '');
  });

  test('a session link of the served home works before React has loaded', async ({ app }) => {
    await new ProfilesPage(app.page).create('张三', '省委组织部');
    await new HomePage(app.page).expectLoaded();
    const tab = await app.page.context().newPage();
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    await tab.route(/\/assets\/boot-[^/]*\.js$/, async (route) => {
      await released;
      await route.continue();
    });
    await tab.goto(app.page.url());
    await tab.locator('[data-first-paint] .session-card .session-link').nth(1).click();
    expect(new URL(tab.url()).hash).toBe('#/session/s2');
    release();
    await expect(tab.getByTestId('material')).toBeVisible();
    await expect(tab.getByRole('heading', { level: 1 })).toContainText('专题辅导报告');
  });

  test('a new tab asks for its PIN profile instead of painting it', async ({ app }) => {
    await new ProfilesPage(app.page).create('李四', '市委党校', { pin: '2468' });
    await new HomePage(app.page).expectLoaded();
    const tab = await app.page.context().newPage();
    await tab.goto(app.page.url());
    await expect(tab.getByRole('heading', { name: '新建档案' })).toBeVisible();
    await expect(tab.locator('.session-card')).toHaveCount(0);
  });
});
