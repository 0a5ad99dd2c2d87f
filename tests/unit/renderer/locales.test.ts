import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/core';

const dir = join(repoRoot, 'src/renderer/src/i18n/locales');

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

const features = [...new Set(readdirSync(dir).map((f) => f.split('.')[0]!))];

describe('locale files', () => {
  it.each(features)('%s: zh-CN and en have exactly the same keys, none empty', (feature) => {
    const load = (lang: string) => JSON.parse(readFileSync(join(dir, `${feature}.${lang}.json`), 'utf8')) as unknown;
    const zh = load('zh-CN');
    const en = load('en');
    expect(keys(zh).sort()).toEqual(keys(en).sort());
    for (const k of keys(zh)) {
      const get = (o: unknown) => k.split('.').reduce((acc: unknown, p) => (acc as Record<string, unknown>)[p], o);
      expect(String(get(zh)).trim(), `zh-CN ${k}`).not.toBe('');
      expect(String(get(en)).trim(), `en ${k}`).not.toBe('');
    }
  });

  it('no two features define the same key (groups such as `reasons` may be shared: files merge deeply)', () => {
    const seen = new Map<string, string>();
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.en.json'))) {
      for (const key of keys(JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown)) {
        expect(seen.get(key), `${key} in ${f}`).toBeUndefined();
        seen.set(key, f);
      }
    }
  });
});
