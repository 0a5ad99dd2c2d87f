import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/core';

/** The renderer's locale files and the shared ones the core writes into exported files: one system. */
const dirs = [join(repoRoot, 'src/renderer/src/i18n/locales'), join(repoRoot, 'src/shared/locales')];

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

const features = dirs.flatMap((dir) =>
  [...new Set(readdirSync(dir).map((f) => f.split('.')[0]!))].map((f) => ({ dir, f })),
);

describe('locale files', () => {
  it.each(features.map(({ dir, f }) => [f, dir] as const))(
    '%s: zh-CN and en have exactly the same keys, none empty',
    (feature, dir) => {
      const load = (lang: string) => JSON.parse(readFileSync(join(dir, `${feature}.${lang}.json`), 'utf8')) as unknown;
      const zh = load('zh-CN');
      const en = load('en');
      expect(keys(zh).sort()).toEqual(keys(en).sort());
      for (const k of keys(zh)) {
        const get = (o: unknown) => k.split('.').reduce((acc: unknown, p) => (acc as Record<string, unknown>)[p], o);
        expect(String(get(zh)).trim(), `zh-CN ${k}`).not.toBe('');
        expect(String(get(en)).trim(), `en ${k}`).not.toBe('');
      }
    },
  );

  it('no two files define the same key (files merge deeply, so one would silently win)', () => {
    const seen = new Map<string, string>();
    for (const dir of dirs) {
      for (const f of readdirSync(dir).filter((f) => f.endsWith('.en.json'))) {
        for (const k of keys(JSON.parse(readFileSync(join(dir, f), 'utf8')))) {
          expect(seen.get(k), `${k} in ${f}`).toBeUndefined();
          seen.set(k, f);
        }
      }
    }
  });
});
