import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  checkSchema,
  issueAt,
  readJson,
  readText,
  schemaIssues,
  type LocatedFile,
} from '../../../src/core/packs/located';
import type { PackIssue } from '../../../src/core/packs/issues';

/*
 * Where a pack file's problems are reported: the line and byte of bad UTF-8, the line and column
 * of a JSON syntax error, and the nearest position a schema issue's path has. Mutation testing
 * (docs/testing.md) found these could move or vanish without a test noticing.
 */

const bytes = (s: string) => Buffer.from(s, 'utf8');

function located(entry: string, text: string): LocatedFile {
  const r = readJson(entry, bytes(text));
  if (!r.ok) throw new Error(`not JSON: ${r.issue.message}`);
  return r.value;
}

describe('readText', () => {
  it('returns the text of valid UTF-8, without a leading BOM', () => {
    expect(readText('a.md', bytes('\ufeff中文'))).toEqual({ ok: true, value: '中文' });
  });

  it('names the line, byte and offset of the first invalid byte', () => {
    const bad = Buffer.concat([bytes('ok\nstill ok\n'), Buffer.from([0x41, 0x0a, 0xff, 0x41])]);
    expect(readText('a.md', bad)).toEqual({
      ok: false,
      issue: {
        entry: 'a.md',
        rule: 'utf8',
        line: 4,
        message: 'is not valid UTF-8 (byte 0xff at offset 14); save it as UTF-8',
      },
    });
  });

  it('pads a small byte to two hex digits', () => {
    const r = readText('a.md', Buffer.from([0x41, 0x80]));
    expect(r.ok ? '' : r.issue.message).toContain('(byte 0x80 at offset 1)');
  });

  it('says which byte when a sequence is cut off at the end', () => {
    const r = readText('a.md', Buffer.from([0x41, 0xe4, 0xb8]));
    expect(r.ok ? null : r.issue).toMatchObject({
      line: 1,
      message: expect.stringContaining('(byte 0xe4 at offset 1)'),
    });
  });
});

describe('readJson', () => {
  it('keeps the entry, the value and the text', () => {
    const file = located('m.json', '{\n  "a": [1, 2]\n}');
    expect(file.entry).toBe('m.json');
    expect(file.json.value).toEqual({ a: [1, 2] });
    expect(file.text).toBe('{\n  "a": [1, 2]\n}');
  });

  it('a syntax error has its line and column', () => {
    const r = readJson('m.json', bytes('{\n  "a": 1,\n  "b" 2\n}'));
    expect(r).toEqual({
      ok: false,
      issue: {
        entry: 'm.json',
        rule: 'json-syntax',
        line: 3,
        column: 7,
        message: expect.stringMatching(/^JSON syntax error: /) as string,
      },
    });
  });

  it('a duplicate key is a syntax error too', () => {
    const r = readJson('m.json', bytes('{"a": 1,\n"a": 2}'));
    expect(r.ok ? null : r.issue).toMatchObject({ rule: 'json-syntax', line: 2 });
  });

  it('bad UTF-8 is reported before any JSON is read', () => {
    const r = readJson('m.json', Buffer.from([0x7b, 0xff, 0x7d]));
    expect(r.ok ? null : r.issue.rule).toBe('utf8');
  });
});

describe('issueAt', () => {
  const file = () =>
    located('s.json', '{\n  "quiz": {\n    "questions": [\n      {"id": "q1"},\n      {"id": "q2"}\n    ]\n  }\n}');

  it('puts the issue where the value at its path starts', () => {
    expect(issueAt(file(), ['quiz', 'questions', 1, 'id'], 'r', 'm')).toEqual({
      entry: 's.json',
      rule: 'r',
      message: 'm',
      path: 'quiz.questions[1].id',
      line: 5,
      column: 14,
    });
  });

  it('falls back to the nearest enclosing value the file has', () => {
    expect(issueAt(file(), ['quiz', 'questions', 0, 'answer'], 'r', 'm')).toMatchObject({
      path: 'quiz.questions[0].answer',
      line: 4,
      column: 7,
    });
    expect(issueAt(file(), ['nope', 'deeper'], 'r', 'm')).toMatchObject({ path: 'nope.deeper', line: 1, column: 1 });
  });

  it('an issue of the whole file has no path but the position of the root', () => {
    const issue = issueAt(located('s.json', '\n\n  []'), [], 'r', 'm');
    expect(issue).toEqual({ entry: 's.json', rule: 'r', message: 'm', line: 3, column: 3 });
  });
});

describe('schema issues', () => {
  const schema = z.strictObject({ title: z.string(), count: z.number().int() });

  it('an unknown property is reported at that property, with every unknown key named', () => {
    const file = located('m.json', '{"title": "t", "count": 1,\n "titel": "x", "extra": 2}');
    const issues = schemaIssues(file, schema.safeParse(file.json.value).error!);
    expect(issues).toEqual([
      {
        entry: 'm.json',
        rule: 'schema',
        path: 'titel',
        line: 2,
        column: 11,
        message: 'unknown property "titel", "extra" (check the spelling)',
      },
    ]);
  });

  it('a missing property names the type it should have', () => {
    const file = located('m.json', '{"title": "t"}');
    const issues = schemaIssues(file, schema.safeParse(file.json.value).error!);
    expect(issues).toEqual([
      {
        entry: 'm.json',
        rule: 'schema',
        path: 'count',
        line: 1,
        column: 1,
        message: 'required property is missing (expected number)',
      },
    ]);
  });

  it('any other issue keeps zod message and its own position', () => {
    const file = located('m.json', '{"title": "t",\n"count": 1.5}');
    const [issue] = schemaIssues(file, schema.safeParse(file.json.value).error!);
    expect(issue).toMatchObject({ path: 'count', line: 2, column: 10 });
    expect(issue!.message).not.toMatch(/required property|unknown property/);
  });

  it('checkSchema returns the value, or null after adding the issues', () => {
    const issues: PackIssue[] = [];
    expect(checkSchema(located('m.json', '{"title": "t", "count": 2}'), schema, issues)).toEqual({
      title: 't',
      count: 2,
    });
    expect(issues).toEqual([]);
    expect(checkSchema(located('m.json', '{"title": 1, "count": 2}'), schema, issues)).toBeNull();
    expect(issues.map((i) => i.path)).toEqual(['title']);
  });
});
