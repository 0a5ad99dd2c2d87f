import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../../src/shared/errors';
import { rejectReasonSchema } from '../../../src/shared/contract/venue';
import { ENGLISH_SENTENCE } from '../../e2e/support/english';
import { repoRoot } from '../support/core';

/**
 * Every error the core can send is worded in both languages. The reason keys are collected from
 * the source, not listed by hand, so a new refusal without its locale strings fails here.
 */
const sourceDirs = ['src/core', 'src/browser-host', 'src/host-common'].map((d) => join(repoRoot, d));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}
const sources = sourceDirs.flatMap(files).map((path) => ({ path, text: readFileSync(path, 'utf8') }));

/** The text of each `new AppError(...)` call, to its closing parenthesis. */
function appErrorCalls(text: string): string[] {
  const calls: string[] = [];
  for (let at = text.indexOf('new AppError('); at >= 0; at = text.indexOf('new AppError(', at + 1)) {
    let depth = 0;
    let i = at + 'new AppError'.length;
    for (; i < text.length; i++) {
      if (text[i] === '(') depth++;
      else if (text[i] === ')' && --depth === 0) break;
    }
    calls.push(text.slice(at, i + 1));
  }
  return calls;
}

function reasonKeys(): Set<string> {
  const found = new Set<string>();
  const add = (re: RegExp, map: (m: RegExpExecArray) => string, only?: string) => {
    for (const { path, text } of sources) {
      if (only && !path.endsWith(only)) continue;
      for (const m of text.matchAll(re)) found.add(map(m));
    }
  };
  // Explicit reasons: `reason: 'area.key'`.
  add(/reason: '([a-z]+\.[A-Za-z0-9.-]+)'/g, (m) => m[1]!);
  // The venue's evidence refusals: `fail('reason', ...)` throws reason `venue.evidence.<reason>`.
  add(/\bfail\(\s*'([A-Za-z]+)'/g, (m) => `venue.evidence.${m[1]}`, 'venue/rederive.ts');
  // Pack refusals are worded by rule: reason `pack.<rule>` (see packReason).
  add(/packError\(\s*'[A-Z_]+',\s*'([a-z0-9-]+)'/g, (m) => `pack.${m[1]}`);
  add(/unsafe\(\s*'([a-z0-9-]+)'/g, (m) => `pack.${m[1]}`);
  add(/rule: '([a-z0-9-]+)'/g, (m) => `pack.${m[1]}`);
  add(/issueAt\(\s*[\w.]+,\s*(?:\[[^\]]*\]|[\w.]+),\s*'([a-z0-9-]+)'/g, (m) => `pack.${m[1]}`);
  for (const { text } of sources) {
    const union = /export type PathRule =([^;]+);/.exec(text);
    for (const m of union?.[1]?.matchAll(/'([a-z0-9-]+)'/g) ?? []) found.add(`pack.${m[1]}`);
  }
  return found;
}

function load(lang: string): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  const merge = (t: Record<string, unknown>, s: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(s)) {
      if (typeof v === 'object' && v && !Array.isArray(v) && typeof t[k] === 'object') {
        merge(t[k] as Record<string, unknown>, v as Record<string, unknown>);
      } else t[k] = v;
    }
  };
  for (const dir of ['src/renderer/src/i18n/locales', 'src/shared/locales']) {
    for (const f of readdirSync(join(repoRoot, dir)).filter((f) => f.endsWith(`.${lang}.json`))) {
      merge(merged, JSON.parse(readFileSync(join(repoRoot, dir, f), 'utf8')) as Record<string, unknown>);
    }
  }
  return merged;
}
const get = (o: unknown, key: string) =>
  key.split('.').reduce((acc: unknown, p) => (acc as Record<string, unknown> | undefined)?.[p], o);

const zh = load('zh-CN');
const en = load('en');
const keys = [...reasonKeys()].sort();

describe('error wording', () => {
  it('finds the reasons the core emits', () => {
    expect(keys.length).toBeGreaterThan(60);
    expect(keys).toEqual(expect.arrayContaining(['pack.truncated', 'pack.not-zip', 'profiles.pin.wrong']));
  });

  it('every AppError the core throws carries a reason', () => {
    const missing = sources.flatMap(({ path, text }) =>
      appErrorCalls(text)
        .filter((c) => !/reason|e\.detail/.test(c))
        .map((c) => `${relative(repoRoot, path)}: ${c.slice(0, 80)}`),
    );
    expect(missing).toEqual([]);
  });

  it.each(keys)('reasons.%s is worded in zh-CN and en', (key) => {
    const z = get(zh, `reasons.${key}`);
    const e = get(en, `reasons.${key}`);
    expect(typeof z, `zh-CN reasons.${key}`).toBe('string');
    expect(typeof e, `en reasons.${key}`).toBe('string');
    expect(z as string).not.toMatch(ENGLISH_SENTENCE);
  });

  it.each([...errorCodes])('errors.%s is worded in zh-CN and en', (code) => {
    expect(typeof get(zh, `errors.${code}`)).toBe('string');
    expect(typeof get(en, `errors.${code}`)).toBe('string');
    expect(get(zh, `errors.${code}`) as string).not.toMatch(ENGLISH_SENTENCE);
  });

  it.each(rejectReasonSchema.options)('venue rejection %s is worded on screen and in files', (reason) => {
    for (const key of [`venue.reasons.${reason}`, `files.venue.reasons.${reason}`]) {
      expect(typeof get(zh, key), key).toBe('string');
      expect(typeof get(en, key), key).toBe('string');
      expect(get(zh, key) as string).not.toMatch(ENGLISH_SENTENCE);
    }
  });
});
