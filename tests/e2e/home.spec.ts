import { HomePage, ProfilesPage } from './pages/app-pages';
import { expect, test } from './support/fixtures';

test('a new participant creates a profile and opens a session of the built-in pack', async ({ app }) => {
  const page = app.page;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('请选择学员');
  await new ProfilesPage(page).create('张三', '省委组织部');

  const home = new HomePage(page);
  await home.expectLoaded();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('training class');
  await expect(page.getByText('已完成 0 / 6 个专题')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('home-zh-CN.png'), fullPage: true });

  await home.openSession(2);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('专题2');
  await expect(page.getByTestId('material')).toContainText('Hou Ximin');
  await expect(page.locator('.key-point')).not.toHaveCount(0);
});

test.describe('in English', () => {
  test.use({ locale: 'en-US' });

  test('the UI follows an English system locale', async ({ app }) => {
    const page = app.page;
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Who is studying?');
    await new ProfilesPage(page).create('Li Si', 'Organization Department');
    await new HomePage(page).expectLoaded();
    await expect(page.getByText('0 of 6 sessions complete')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('home-en.png'), fullPage: true });
  });
});
