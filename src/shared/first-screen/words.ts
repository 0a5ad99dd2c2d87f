/**
 * A string of the first screen's locale file with its `{{name}}` values filled in, as i18next
 * would (none of these strings uses plurals or formatting). A missing key throws: the first paint
 * is then skipped rather than show a key or the other language.
 */
export type Strings = Record<string, unknown>;

export function word(strings: Strings, key: string, values: Record<string, string | number> = {}): string {
  const found = key.split('.').reduce<unknown>((node, part) => (node as Strings | undefined)?.[part], strings);
  if (typeof found !== 'string') throw new Error(`first paint: no string ${key}`);
  return found.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
}
