import { describe, expect, it } from 'vitest';
import { hiddenTextIssues, MANIFEST_NAMES } from '../../../src/core/packs/display-text';

/*
 * Every character the hidden-text rule names, and its neighbours that must stay allowed: mutation
 * testing (docs/testing.md) found that any range of the rule could be dropped or widened unnoticed.
 */

const hex = (c: number) => c.toString(16).toUpperCase().padStart(4, '0');
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Refused in running text (key points, questions, Markdown). */
const HIDDEN = [
  ...range(0x00, 0x08),
  0x0b,
  0x0c,
  ...range(0x0e, 0x1f),
  ...range(0x7f, 0x9f),
  0xad,
  0x61c,
  0x115f,
  0x1160,
  0x180e,
  0x200b,
  0x200e,
  0x200f,
  ...range(0x202a, 0x202e),
  ...range(0x2060, 0x2064),
  ...range(0x2066, 0x2069),
  0x3164,
  0xfeff,
  0xffa0,
];

/** Allowed in running text: line breaks, tab, ZWJ/ZWNJ, and the neighbours of every range above. */
const ALLOWED_IN_TEXT = [
  0x09, 0x0a, 0x0d, 0x20, 0x7e, 0xa0, 0xac, 0xae, 0x61b, 0x61d, 0x115e, 0x1161, 0x180d, 0x180f, 0x200a, 0x200c, 0x200d,
  0x2010, 0x2028, 0x2029, 0x2065, 0x206a, 0x3163, 0x3165, 0xfefe, 0xff00, 0xff9f, 0xffa1, 0x4e2d, 0x1f600,
];

const issuesFor = (text: string, names?: ReadonlySet<string>) => hiddenTextIssues('e.json', { title: text }, names);

describe('hidden characters in running text', () => {
  it.each(HIDDEN.map((c) => [hex(c), c]))('refuses U+%s', (name, c) => {
    const issues = issuesFor(`ab${String.fromCodePoint(c)}cd`);
    expect(issues).toEqual([
      {
        entry: 'e.json',
        rule: 'hidden-character',
        path: 'title',
        message: expect.stringContaining(`U+${name}`) as string,
      },
    ]);
  });

  it('allows line breaks, tab, ZWJ/ZWNJ and the characters next to every refused range', () => {
    for (const c of ALLOWED_IN_TEXT) expect([hex(c), issuesFor(`a${String.fromCodePoint(c)}b`)]).toEqual([hex(c), []]);
  });

  it('names the first hidden character of a string, once per string', () => {
    const issues = hiddenTextIssues('e.json', { a: 'x\u200by\u202e', b: 'plain' });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toMatch(/U\+200B/);
  });
});

describe('hidden characters in names', () => {
  const names = new Set(['title']);

  it('refuses in a name what running text allows: tab, line breaks, ZWJ/ZWNJ, line and paragraph separators', () => {
    for (const c of [0x09, 0x0a, 0x0d, 0x200c, 0x200d, 0x2028, 0x2029, 0x115f, 0x1160, 0x3164, 0xffa0, 0x202e, 0xad]) {
      expect([hex(c), issuesFor(`a${String.fromCodePoint(c)}b`, names).map((i) => i.rule)]).toEqual([
        hex(c),
        ['hidden-character'],
      ]);
    }
  });

  it('allows ordinary names, spaces included', () => {
    for (const name of ['省委组织部 培训中心', 'Provincial Party School', 'A\u00a0B', '第1期']) {
      expect(issuesFor(name, names)).toEqual([]);
    }
  });

  it('holds only the named paths to the stricter rule', () => {
    const value = { title: 'a\tb', description: 'a\tb', publisher: { name: 'a\u200db', url: 'a\u200db' } };
    const issues = hiddenTextIssues('manifest.json', value, MANIFEST_NAMES);
    expect(issues.map((i) => i.path)).toEqual(['title', 'publisher.name']);
  });

  it('the manifest names are the publisher name, the title and the id', () => {
    expect([...MANIFEST_NAMES].sort()).toEqual(['id', 'publisher.name', 'title']);
  });
});

describe('where a hidden character is reported', () => {
  it('gives the JSON path through objects and arrays, and none for a bare string', () => {
    const value = { sessions: [{ keyPoints: ['ok', 'x\u202ey'] }], list: ['\u200b'] };
    expect(hiddenTextIssues('s.json', value).map((i) => i.path)).toEqual(['sessions[0].keyPoints[1]', 'list[0]']);
    expect(hiddenTextIssues('a.md', 'text\u202e')).toEqual([
      { entry: 'a.md', rule: 'hidden-character', message: expect.stringContaining('U+202E') as string },
    ]);
    expect(hiddenTextIssues('t.json', ['\u200b']).map((i) => i.path)).toEqual(['[0]']);
  });

  it('looks only at strings: numbers, booleans and null pass', () => {
    expect(hiddenTextIssues('n.json', { a: 1, b: true, c: null, d: [2, false] })).toEqual([]);
  });
});
