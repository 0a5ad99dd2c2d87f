import { HomePage, ProfilesPage } from './pages/app-pages';
import { expect, test } from './support/fixtures';

/**
 * What start-up asks the host for before home shows, counted (how fast is bench/startup.ts's job).
 * Home's data is asked for once, with settings and the profile list, and the first render shows it;
 * no token round trip precedes the calls. It used to be fetched a second time after the first render.
 */
test('start-up asks for home’s data once, alongside settings and profiles', async ({ app }) => {
  test.skip(test.info().project.name !== 'browser', 'counts HTTP requests, the browser host’s transport');
  const page = app.page;
  await new ProfilesPage(page).create('张三', '省委组织部');
  const home = new HomePage(page);
  await home.expectLoaded();

  const asked: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/api/') || path === '/session') asked.push(path);
  });
  // A reload is a start-up of this tab, which keeps its participant.
  await page.reload();
  await home.expectLoaded();
  const count = (path: string) => asked.filter((p) => p === path).length;
  expect(count('/api/course.overview')).toBe(1);
  expect(count('/api/settings.get')).toBe(1);
  expect(count('/api/profiles.list')).toBe(1);
  expect(count('/session')).toBe(0);
  await expect(page.getByText('已完成 0 / 6 个专题')).toBeVisible();
});
