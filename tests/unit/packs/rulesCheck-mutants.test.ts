import { describe, expect, it } from 'vitest';
import { readJson } from '../../../src/core/packs/located';
import { ruleIssues } from '../../../src/core/packs/rulesCheck';
import type { Manifest } from '../../../src/shared/pack/schema';

/**
 * The completion and credit rules' references, directly (docs/testing.md, mutation testing): what a
 * rule may name, where each refusal points, and that a rule that can be met is accepted.
 */

type Json = Record<string, unknown>;
const media = (path: string, kind: string) => ({ path, kind, title: path });

/** The rule issues of a manifest made of `sessions` and `course`, as `rule path line`. */
function check(sessions: Json[], course?: Json): string[] {
  const text = JSON.stringify({ format: 2, sessions, ...(course ? { course } : {}) }, null, 2);
  const file = readJson('manifest.json', Buffer.from(text));
  if (!file.ok) throw new Error(file.issue.message);
  const issues = ruleIssues(file.value.json.value as Manifest, file.value);
  for (const i of issues) expect(i.entry).toBe('manifest.json');
  return issues.map((i) => `${i.rule} ${i.path} ${i.line}`);
}
/** The line where `needle` first appears in the pretty-printed manifest. */
function lineOf(sessions: Json[], course: Json | undefined, needle: string, nth = 0): number {
  const lines = JSON.stringify({ format: 2, sessions, ...(course ? { course } : {}) }, null, 2).split('\n');
  const found = lines.flatMap((l, i) => (l.includes(needle) ? [i + 1] : []));
  return found[nth]!;
}

const recorded = (over: Json = {}): Json => ({
  id: 's1',
  media: [
    media('media/v.mp4', 'video'),
    media('media/a.mp3', 'audio'),
    media('media/p.pdf', 'pdf'),
    media('media/i.png', 'image'),
  ],
  ...over,
});

describe('ruleIssues', () => {
  it('words each refusal with what it names (studypack build prints it to the author)', () => {
    const sessions = [
      recorded({
        completion: {
          media: [
            { path: 'media/p.pdf', fraction: 1 },
            { path: 'media/v.mp4', fraction: 1 },
            { path: 'media/v.mp4', fraction: 1 },
          ],
        },
      }),
      { id: 's2', credit: { kind: 'bands' } },
    ];
    const text = JSON.stringify({ format: 2, sessions, course: { sessions: ['s2', 'zz', 's2'] } });
    const file = readJson('manifest.json', Buffer.from(text));
    if (!file.ok) throw new Error(file.issue.message);
    expect(ruleIssues(file.value.json.value as Manifest, file.value).map((i) => i.message)).toEqual([
      '"media/p.pdf" is not a video or audio of session "s1"',
      '"media/v.mp4" is named twice in this session\'s rule',
      'session "s2" has no recording for the band rule to measure',
      '"zz" is not a session of this pack',
      '"s2" is named twice',
    ]);
  });

  it('accepts rules that can be met: each video and audio named once, bands over recordings, course sessions that exist', () => {
    const sessions = [
      recorded({
        completion: {
          media: [
            { path: 'media/v.mp4', fraction: 0.9 },
            { path: 'media/a.mp3', fraction: 1 },
          ],
        },
        credit: { kind: 'bands' },
      }),
      { id: 's2', credit: { kind: 'fixed', hours: 1 } },
      { id: 's3', media: [media('media/only-audio.mp3', 'audio')], credit: { kind: 'bands' } },
    ];
    expect(check(sessions, { sessions: ['s1', 's2', 's3'] })).toEqual([]);
    expect(check([{ id: 's1' }], { minimumCredit: 1 })).toEqual([]);
    expect(check([{ id: 's1', completion: { reading: true } }])).toEqual([]);
  });

  it('refuses a recording to watch that is a PDF, a picture, of another session or not there at all', () => {
    const completion = {
      media: [
        { path: 'media/p.pdf', fraction: 1 },
        { path: 'media/i.png', fraction: 1 },
        { path: 'media/other.mp4', fraction: 1 },
        { path: 'media/v.mp4', fraction: 1 },
      ],
    };
    const sessions = [recorded({ completion }), { id: 's2', media: [media('media/other.mp4', 'video')] }];
    const line = (n: number) => lineOf(sessions, undefined, '"fraction"', n) - 1;
    expect(check(sessions)).toEqual([
      `rule-media sessions[0].completion.media[0].path ${line(0)}`,
      `rule-media sessions[0].completion.media[1].path ${line(1)}`,
      `rule-media sessions[0].completion.media[2].path ${line(2)}`,
    ]);
    expect(check([{ id: 's1', completion }])).toHaveLength(4);
  });

  it('refuses a recording named twice in one rule, at the second naming, but not in two sessions', () => {
    const twice = {
      media: [
        { path: 'media/a.mp3', fraction: 0.5 },
        { path: 'media/v.mp4', fraction: 0.5 },
        { path: 'media/a.mp3', fraction: 1 },
      ],
    };
    expect(check([recorded({ completion: twice })])).toEqual([
      `rule-media sessions[0].completion.media[2].path ${lineOf([recorded({ completion: twice })], undefined, '"fraction": 1') - 1}`,
    ]);
    const once = { media: [{ path: 'media/v.mp4', fraction: 1 }] };
    expect(check([recorded({ completion: once }), recorded({ id: 's2', completion: once })])).toEqual([]);
  });

  it('refuses the band rule in a session without video or audio, at its credit', () => {
    const sessions = [
      recorded({ credit: { kind: 'bands' } }),
      { id: 's2', media: [media('media/p2.pdf', 'pdf'), media('media/i2.png', 'image')], credit: { kind: 'bands' } },
      { id: 's3', credit: { kind: 'bands', quizBonus: 0.5 } },
      { id: 's4', credit: { kind: 'fixed', hours: 2 } },
    ];
    expect(check(sessions)).toEqual([
      `rule-credit sessions[1].credit ${lineOf(sessions, undefined, '"credit"', 1)}`,
      `rule-credit sessions[2].credit ${lineOf(sessions, undefined, '"credit"', 2)}`,
    ]);
  });

  it('refuses a course session that is not in the pack, and one named twice, each where it is named', () => {
    const sessions = [{ id: 's1' }, { id: 's2' }];
    const course = { sessions: ['s1', 'nope', 's2', 's1', 'nope'] };
    const at = (i: number) => lineOf(sessions, course, '"sessions": [', 1) + 1 + i;
    expect(check(sessions, course)).toEqual([
      `rule-session course.sessions[1] ${at(1)}`,
      `rule-session course.sessions[3] ${at(3)}`,
      `rule-session course.sessions[4] ${at(4)}`,
    ]);
  });
});
