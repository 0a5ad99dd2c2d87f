/**
 * The built shell as a packaged app would start it (app.isPackaged, resources beside the binary,
 * an English system): the installed app's own data folder, and no reload or developer tools.
 */
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FakeElectron } from '../../shell/fake-electron';
import { loadShell, repoRoot, until } from '../../shell/load-shell';

let fake: FakeElectron;
const proc = process as unknown as { resourcesPath?: string };

beforeAll(async () => {
  const resources = mkdtempSync(join(tmpdir(), 'study-resources-'));
  cpSync(join(repoRoot, 'resources', 'builtin'), join(resources, 'builtin'), { recursive: true });
  proc.resourcesPath = resources;
  ({ fake } = loadShell({ isPackaged: true, locale: 'en-US', env: { STUDY_USER_DATA: undefined } }));
  fake.emitReady();
  await until(() => fake.windows[0]?.page, 'the main window');
}, 60_000);

afterAll(async () => {
  fake.windows[0]?.close();
  await until(() => fake.quitted, 'the app to quit');
  delete proc.resourcesPath;
});

it('keeps the installed app’s data folder (development runs use another)', () => {
  expect(fake.paths.get('userData')).toBe(fake.userDataDefault);
  expect(existsSync(join(fake.userDataDefault, 'data', 'progress.sqlite'))).toBe(true);
});

it('has an English menu without reload or developer tools', () => {
  const menu = fake.menu as { label?: string; submenu?: { role?: string }[] }[];
  expect(menu.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
  const roles = menu.flatMap((m) => m.submenu ?? []).map((i) => i.role);
  expect(roles).not.toContain('toggleDevTools');
  expect(roles).not.toContain('reload');
  expect(roles).not.toContain('forceReload');
});
