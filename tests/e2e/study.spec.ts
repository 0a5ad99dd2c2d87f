import { HomePage, nav, ProfilesPage, SessionPage } from './pages/app-pages';
import { callApp } from './support/app-call';
import { expect, test } from './support/fixtures';

// A short window, so the material of one session needs scrolling, as on a small laptop at 150 %.
test.use({ viewport: { width: 900, height: 420 } });

test('a participant studies session 3; position, key points and note survive closing the app; search finds them', async ({
  app,
}) => {
  let page = app.page;
  await new ProfilesPage(page).create('李四', '省纪委监委', { venue: '武汉分会场' });
  const home = new HomePage(page);
  await home.expectLoaded();
  await home.openSession(3);
  const session = new SessionPage(page);

  // Scroll about half way into the material and let the reader record it.
  const material = session.material();
  const box = (await material.boundingBox())!;
  await page.evaluate((y) => window.scrollTo({ top: y }), box.y + box.height * 0.5);
  const scrolledTo = await page.evaluate(() => window.scrollY);
  expect(scrolledTo).toBeGreaterThan(100);
  // The reader saves its position every 2 s: wait until the app holds it, not for a fixed time.
  const saved = () =>
    callApp<{ reading: { position: number } }>(page, 'session.get', { sessionId: 's3' }).then(
      (s) => s.reading.position,
    );
  await expect.poll(saved, { timeout: 15_000 }).toBeGreaterThan(0.2);

  await session.keyPoint(0).check();
  await session.keyPoint(2).check();
  await expect(page.getByText(/已复习 2 \/ \d+ 个要点/).first()).toBeVisible();
  // The session's status line follows what was just done, as home will show it.
  await expect(page.locator('.session-meta .badge')).toHaveText('学习中');

  const note = '自我革命永远在路上：要把学习体会落实到工作中。';
  await session.notes().fill(note);
  await session.waitSaved();

  // Close and reopen the app (the host restarts on the same data folder).
  page = await app.restart();
  await new HomePage(page).expectLoaded();
  await expect(page.getByRole('link', { name: /继续学习/ })).toBeVisible();
  await page.getByRole('link', { name: /继续学习/ }).click();
  await expect(page.getByTestId('material')).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolledTo * 0.6);

  const again = new SessionPage(page);
  await expect(again.keyPoint(0)).toBeChecked();
  await expect(again.keyPoint(1)).not.toBeChecked();
  await expect(again.keyPoint(2)).toBeChecked();
  await expect(again.notes()).toHaveValue(note);

  // Search finds the note (trigram FTS) and a passage of the material (English text of the pack).
  await nav(page, /搜索/);
  await page.getByLabel(/搜索学习材料/).fill('自我革命');
  await page.getByRole('button', { name: '搜索', exact: true }).click();
  const results = page.locator('.search-results li');
  await expect(results.filter({ hasText: '我的心得' })).toHaveCount(1);

  // A two-character Chinese query (shorter than a trigram) still finds the note.
  await page.getByLabel(/搜索学习材料/).fill('体会');
  await page.getByRole('button', { name: '搜索', exact: true }).click();
  await expect(results.filter({ hasText: '我的心得' })).toHaveCount(1);

  await page.getByLabel(/搜索学习材料/).fill('self-revolution');
  await page.getByRole('button', { name: '搜索', exact: true }).click();
  const passage = results.filter({ hasText: '学习材料' }).first();
  await expect(passage.locator('mark').first()).toHaveText(/self-revolution/i);

  // The hit opens the exact place: the session with the match in view.
  await passage.getByRole('link').click();
  await expect(page.getByTestId('material')).toBeVisible();
  await expect(page).toHaveURL(/find=self-revolution/);
});

test('text size and language are remembered across restarts', async ({ app }) => {
  let page = app.page;
  await new ProfilesPage(page).create('王五', '省委组织部');
  await nav(page, /设置/);
  await page.getByRole('button', { name: /A\+/ }).click();
  await page.getByRole('button', { name: /A\+/ }).click();
  await expect(page.getByText('130%')).toBeVisible();
  await page.getByRole('combobox', { name: '界面语言' }).selectOption('en');
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  page = await app.restart();
  await expect(page.getByRole('heading', { name: 'Counseling sessions' })).toBeVisible();
  const scale = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--text-scale'));
  expect(Number(scale)).toBeCloseTo(1.3, 2);
});

test('everything works with the keyboard alone, with visible focus', async ({ app }) => {
  const page = app.page;
  await new ProfilesPage(page).create('赵六', '省委宣传部');
  await new HomePage(page).expectLoaded();
  // Tab from the top: the skip link comes first, then the navigation.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: '跳到正文' })).toBeFocused();
  // Reach the first session card by keyboard and open it with Enter.
  const first = page.locator('.session-link').first();
  for (let i = 0; i < 30 && !(await first.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(first).toBeFocused();
  const outline = await first.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('material')).toBeVisible();
  // Mark a key point with the space bar.
  const box = new SessionPage(page).keyPoint(0);
  await box.focus();
  await page.keyboard.press('Space');
  await expect(box).toBeChecked();
});
