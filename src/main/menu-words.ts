import enFile from '../shared/locales/shell.en.json';
import zhFile from '../shared/locales/shell.zh-CN.json';

/**
 * The shell's own words (menu, dialogs), in the participant's language: the `shell` group of the
 * shared locale files, checked by the same key-parity test as the renderer's, because the shell
 * speaks before the page has loaded (start-up errors) and outside it (menus, native dialogs).
 */
const en = enFile.shell;
const zh = zhFile.shell;
export type ShellWords = typeof en;
let current: ShellWords = en;

export function setShellLanguage(language: string): void {
  current = language.toLowerCase().startsWith('zh') ? zh : en;
}

export const menuWords = (): ShellWords => current;

export function format(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '');
}
