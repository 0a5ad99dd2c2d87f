import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { basisText, hoursText } from '../../../src/renderer/src/screens/progress/creditWords';
import { lastDays } from '../../../src/renderer/src/screens/progress/studyDays';
import { repoRoot } from '../support/core';

const locale = (lang: string) =>
  JSON.parse(readFileSync(join(repoRoot, 'src/renderer/src/i18n/locales', `ledger.${lang}.json`), 'utf8')) as object;

async function tFor(lang: string) {
  const i = i18next.createInstance();
  await i.init({
    lng: lang,
    resources: { [lang]: { translation: locale(lang) } },
    interpolation: { escapeValue: false },
  });
  return i.t;
}

describe('the ledger says which rule granted the credit', () => {
  it('in Chinese, as cadre platforms word it', async () => {
    const t = await tFor('zh-CN');
    expect(basisText(t, { kind: 'fixed', hours: 1 }, 'zh-CN')).toBe('固定 1 学时');
    expect(basisText(t, { kind: 'bands', mediaMinutes: 32, base: 1, quizBonus: 0.5 }, 'zh-CN')).toBe(
      '录像 32 分钟：1 学时 + 测验 0.5 学时',
    );
    expect(basisText(t, { kind: 'bands', mediaMinutes: 20, base: 0.5, quizBonus: 0 }, 'zh-CN')).toBe(
      '录像 20 分钟：0.5 学时',
    );
    expect(basisText(t, { kind: 'none' }, 'zh-CN')).toBe('本专题不计学时');
  });

  it('in English', async () => {
    const t = await tFor('en');
    expect(basisText(t, { kind: 'bands', mediaMinutes: 12, base: 0.25, quizBonus: 0.5 }, 'en')).toBe(
      'Recording of 12 min: 0.25 credit hours + quiz 0.5 credit hours',
    );
  });

  it('writes hours as people do: no trailing zeros, at most two decimals', () => {
    expect([1, 0.5, 0.25, 1.5, 4.333].map((h) => hoursText(h, 'zh-CN'))).toEqual(['1', '0.5', '0.25', '1.5', '4.33']);
  });
});

describe('minutes per day for the chart', () => {
  it('covers the last 14 local days ending today, with 0 on days without study', () => {
    const days = lastDays(
      [
        { day: '2026-11-01', seconds: 6000 },
        { day: '2026-11-20', seconds: 89 },
        { day: '2026-11-26', seconds: 1800 },
      ],
      new Date(2026, 10, 26, 23, 30),
    );
    expect(days).toHaveLength(14);
    expect(days[0]).toEqual({ day: '2026-11-13', minutes: 0 });
    expect(days.at(-1)).toEqual({ day: '2026-11-26', minutes: 30 });
    expect(days.find((d) => d.day === '2026-11-20')!.minutes).toBe(1);
    // Across a month's end.
    expect(lastDays([], new Date(2026, 11, 3))[0]!.day).toBe('2026-11-20');
  });
});
