import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatePackFolder } from '../../../src/core/packs/build';
import type { PackValidationError } from '../../../src/core/packs/issues';
import { creditOf, meetsRule, rulesOf } from '../../../src/core/study/rules';
import type { Manifest } from '../../../src/shared/pack/schema';
import { makeMediaPackFolder } from '../../fixtures/media/make';
import { tempDir } from '../support/temp';

/** The issues a folder's manifest, changed by `edit`, is refused with (rule and JSON path). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a manifest being broken on purpose has no type
async function refusal(edit: (m: any) => void) {
  const folder = makeMediaPackFolder(join(tempDir('rules-'), 'p'), { durations: true });
  const file = join(folder, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  edit(manifest);
  writeFileSync(file, JSON.stringify(manifest, null, 2));
  const e = await validatePackFolder(folder).then(
    () => null,
    (err: unknown) => err as PackValidationError,
  );
  return e?.issues.map((i) => [i.rule, i.path]) ?? [];
}

const session = (over: Partial<Manifest['sessions'][number]> = {}) =>
  ({ id: 's', title: 'S', material: 'm.md', content: 'c.json', ...over }) as Manifest['sessions'][number];
const manifestWith = (s: Manifest['sessions'][number]) =>
  ({
    format: 2,
    id: 'p',
    version: '1.0.0',
    title: 'P',
    language: 'zh-CN',
    publisher: { name: 'x' },
    sessions: [s],
  }) as Manifest;
const minutes = (n: number) =>
  session({
    media: [{ path: 'v.mp4', kind: 'video', title: 'v', duration: n * 60 }],
    credit: { kind: 'bands', quizBonus: 0.5 },
  });
const facts = { reachedEnd: true, keyPointsReviewed: 2, keyPointsTotal: 2, quizPassed: true, covered: new Map() };

describe('completion and credit rules', () => {
  it('grants the cadre college bands by recording length: 30 min+ 1, 15-30 0.5, under 15 0.25, +0.5 for the quiz', () => {
    const credit = (m: number, passed: boolean) =>
      creditOf(rulesOf(manifestWith(minutes(m))).sessions.get('s')!, true, passed).hours;
    expect([credit(30, false), credit(29.9, false), credit(15, false), credit(14.9, false)]).toEqual([
      1, 0.5, 0.5, 0.25,
    ]);
    expect(credit(45, true)).toBe(1.5);
    // Nothing until the session is complete.
    expect(creditOf(rulesOf(manifestWith(minutes(45))).sessions.get('s')!, false, true).hours).toBe(0);
  });

  it('keeps the format-1 rule when a pack declares none, and grants no credit', () => {
    const r = rulesOf(manifestWith(session())).sessions.get('s')!;
    expect(meetsRule(r, facts)).toBe(true);
    expect(meetsRule(r, { ...facts, reachedEnd: false })).toBe(false);
    expect(meetsRule(r, { ...facts, keyPointsReviewed: 1 })).toBe(false);
    expect(meetsRule(r, { ...facts, quizPassed: false })).toBe(false);
    expect(creditOf(r, true, true)).toEqual({ hours: 0, basis: { kind: 'none' } });
    expect(rulesOf(manifestWith(session())).grantsCredit).toBe(false);
  });

  it('requires each named recording to the fraction asked, and only what the rule names', () => {
    const r = rulesOf(
      manifestWith(
        session({
          media: [{ path: 'v.mp4', kind: 'video', title: 'v', duration: 100 }],
          completion: { media: [{ path: 'v.mp4', fraction: 0.9 }], reading: false, keyPoints: false, quiz: false },
        }),
      ),
    ).sessions.get('s')!;
    const none = { reachedEnd: false, keyPointsReviewed: 0, keyPointsTotal: 3, quizPassed: false };
    expect(meetsRule(r, { ...none, covered: new Map([['v.mp4', 89]]) })).toBe(false);
    expect(meetsRule(r, { ...none, covered: new Map([['v.mp4', 90]]) })).toBe(true);
    expect(meetsRule(r, { ...none, covered: new Map() })).toBe(false);
  });

  it('refuses rules that point at nothing, and rules in a format-1 pack', async () => {
    expect(
      await refusal((m) => {
        m.sessions[0].completion = { media: [{ path: 'media/slides.pdf', fraction: 1 }] };
      }),
    ).toEqual([['rule-media', 'sessions[0].completion.media[0].path']]);
    expect(
      await refusal((m) => {
        m.sessions[0].completion = { media: [{ path: 'media/s2.webm', fraction: 1 }] };
      }),
    ).toEqual([['rule-media', 'sessions[0].completion.media[0].path']]);
    expect(
      await refusal((m) => {
        m.sessions[1].media = [m.sessions[1].media[2]]; // only the picture is left
        m.sessions[1].credit = { kind: 'bands' };
      }),
    ).toEqual([['rule-credit', 'sessions[1].credit']]);
    expect(
      await refusal((m) => {
        m.course = { sessions: ['s1', 'nope'] };
      }),
    ).toEqual([['rule-session', 'course.sessions[1]']]);
    const format1 = await refusal((m) => {
      m.format = 1;
      for (const s of m.sessions) delete s.media;
      m.sessions[0].credit = { kind: 'fixed', hours: 1 };
    });
    expect(format1).toEqual([['schema', 'sessions[0].credit']]);
  });
});
