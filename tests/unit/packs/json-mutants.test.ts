import { describe, expect, it } from 'vitest';
import {
  JsonSyntaxError,
  jsonPathOf,
  parseJsonFast,
  parseJsonLocated,
  type LocatedJson,
} from '../../../src/core/packs/json';

/**
 * The located JSON reader and its fast path, exactly (docs/testing.md, mutation testing). The fast
 * path must give the same value and errors as the reader, and must stay fast: a valid file
 * without repeated keys is not read a second time (its positions are computed only when asked for,
 * from `textAgain`). Whether it took the fast path shows in whether `positions` is a lazy getter.
 */

/** parseJsonFast with a counted textAgain; `lazy`: it took the fast path. */
function fast(text: string): { result: LocatedJson; lazy: boolean; calls: () => number } {
  let calls = 0;
  const result = parseJsonFast(text, () => {
    calls++;
    return text;
  });
  const lazy = typeof Object.getOwnPropertyDescriptor(result, 'positions')?.get === 'function';
  return { result, lazy, calls: () => calls };
}

function thrown(f: () => unknown): JsonSyntaxError {
  try {
    f();
  } catch (e) {
    if (e instanceof JsonSyntaxError) return e;
    throw e;
  }
  throw new Error('expected a JsonSyntaxError');
}
const error = (text: string) => {
  const e = thrown(() => parseJsonLocated(text));
  expect(thrown(() => parseJsonFast(text))).toMatchObject({ message: e.message, offset: e.offset });
  return { message: e.message, offset: e.offset, name: e.name };
};

const nested = (n: number, open = '[', close = ']') => open.repeat(n) + close.repeat(n);
const nestedObjects = (n: number) => '{"a":'.repeat(n - 1) + '{}' + '}'.repeat(n - 1);

describe('parseJsonFast', () => {
  const valid = [
    '{"a": 1, "b": [1, 2, {"c": null}], "d": {"e": {"f": "g"}}}',
    '[{"a": 1}, {"a": 2}, [], {}, [[], [{}]]]',
    '{"time": "12:30", "url": "http://x", "k:ey": ":"}',
    '{"q": "say \\"a:b\\"", "r": "\\\\", "s": "\\\\\\"x:y\\"", "t": "\\\\\\\\"}',
    '{"a\\"": 1, "a": 2, "\\\\": 3, "\\"": 4}',
    '{"__proto__": {"x": 1}, "constructor": 2, "toString": 3}',
    '"just a string: with a colon"',
    '[1, "a", true, null]',
    `[${Array.from({ length: 100 }, () => '[]').join(',')}]`,
    `{${Array.from({ length: 70 }, (_, i) => `"k${i}": {"v": [${i}]}`).join(',')}}`,
  ];

  it('gives the value JSON.parse gives, on the fast path, positions only when asked for, from textAgain', () => {
    for (const text of valid) {
      const { result, lazy, calls } = fast(text);
      expect(result.value, text).toEqual(JSON.parse(text));
      expect(lazy, text).toBe(true);
      expect(calls()).toBe(0);
      expect(result.positions).toEqual(parseJsonLocated(text).positions);
      expect(result.positions).toBe(result.positions);
      expect(calls()).toBe(1);
    }
  });

  it('reads the positions from the same text when no textAgain is given', () => {
    const text = '{\n  "a": [1, 2]\n}';
    const result = parseJsonFast(text);
    expect(result.value).toEqual({ a: [1, 2] });
    expect([...result.positions]).toEqual([
      ['', 0],
      ['a', 9],
      ['a[0]', 10],
      ['a[1]', 13],
    ]);
  });

  it('refuses a repeated key like the reader does, wherever it is and whatever the strings hold', () => {
    for (const text of [
      '{"a": 1, "a": 2}',
      '[{"x": {"b": ":", "b": "}"}}]',
      '{"s": "\\"", "s": 1}',
      '{"\\\\": 1, "\\\\": 2}',
      '[[[{"k": [{"a": 1, "a": 1}]}]]]',
    ]) {
      const e = error(text);
      expect(e.message, text).toMatch(/^Duplicate key /);
    }
  });

  it('nests 65 levels, not 66; takes the reader past 64, and the fast path up to 64', () => {
    for (const [n, text] of [
      [64, nested(64)],
      [64, nestedObjects(64)],
      [65, nested(65)],
      [65, nestedObjects(65)],
    ] as const) {
      const { result, lazy } = fast(text);
      expect(result.value).toEqual(JSON.parse(text));
      expect(lazy, `${n}`).toBe(n <= 64);
    }
    for (const text of [nested(66), nestedObjects(66), `[${nested(65, '{"a":', '}').replace('{"a":}', '{}')}]`]) {
      expect(error(text)).toMatchObject({ message: 'Nesting deeper than 64 levels', name: 'JsonSyntaxError' });
    }
  });

  it('counts nesting through values between the brackets', () => {
    const withValues = (n: number) => `${'[0, '.repeat(n)}0${']'.repeat(n)}`;
    const { result, lazy } = fast(withValues(64));
    expect(result.value).toEqual(JSON.parse(withValues(64)));
    expect(lazy).toBe(true);
    expect(error(withValues(65))).toMatchObject({ message: 'Nesting deeper than 64 levels' });
    const objects = (n: number) => `${'{"a": 1, "b": '.repeat(n)}0${'}'.repeat(n)}`;
    expect(fast(objects(64)).lazy).toBe(true);
    expect(error(objects(65))).toMatchObject({ message: 'Nesting deeper than 64 levels' });
  });

  it('refuses what JSON.parse refuses, with the located error', () => {
    expect(error('{"a": 1,}')).toMatchObject({ offset: 8, message: 'Expected a property name in double quotes' });
    expect(error('[1, 2')).toMatchObject({ offset: 5 });
    expect(error('')).toMatchObject({ offset: 0, message: 'Unexpected end of the file: a value is missing' });
  });

  it('reads a leading byte order mark, which JSON.parse refuses', () => {
    const { result, lazy } = fast('\ufeff{"a": [1]}');
    expect(result.value).toEqual({ a: [1] });
    expect(lazy).toBe(false);
    expect(result.positions.get('a')).toBe(7);
    expect(parseJsonLocated('\ufeff[]').value).toEqual([]);
  });
});

describe('parseJsonLocated', () => {
  it('reads numbers of every form exactly', () => {
    const text = '[0, -0, 1.25, -12.5e3, 1e10, 2E-3, 3e+4, 1.5E+12, 10, 123456789]';
    expect(parseJsonLocated(text).value).toEqual(JSON.parse(text));
  });

  it('reads whitespace of every kind between tokens', () => {
    for (const ws of [' ', '\t', '\n', '\r', '\r\n', ' \t\r\n ']) {
      const text = `${ws}{${ws}"a"${ws}:${ws}[${ws}1${ws},${ws}2${ws}]${ws},${ws}"b"${ws}:${ws}{${ws}}${ws}}${ws}`;
      expect(parseJsonLocated(text).value, JSON.stringify(ws)).toEqual({ a: [1, 2], b: {} });
    }
  });

  it('reads escapes and refuses broken ones at the backslash', () => {
    expect(parseJsonLocated('"a\\"b\\\\c\\/\\b\\f\\n\\r\\t\\u00e9\\u20AC"').value).toBe('a"b\\c/\b\f\n\r\té€');
    expect(error('"ab\\x"')).toMatchObject({ offset: 3, message: 'Invalid escape sequence' });
    expect(error('["\\u12g4"]')).toMatchObject({ offset: 2, message: 'Invalid \\u escape' });
    expect(error('"ab\\')).toMatchObject({ offset: 3, message: 'Invalid escape sequence' });
    expect(error('"a\tb"')).toMatchObject({
      offset: 2,
      message: 'Control character inside a string (write \\n for a line break)',
    });
  });

  it('points at the token that is wrong', () => {
    expect(error('{"a" 1}')).toMatchObject({ offset: 5, message: 'Expected ":" after the property name "a"' });
    expect(error('{"a": 1 "b": 2}')).toMatchObject({
      offset: 8,
      message: 'Expected "," or "}" after a property value',
    });
    expect(error('[1 2]')).toMatchObject({ offset: 3, message: 'Expected "," or "]" after an array element' });
    expect(error('[1] 2')).toMatchObject({ offset: 4, message: 'Unexpected text after the end of the JSON value' });
    expect(error('[1, x]')).toMatchObject({ offset: 4, message: 'Unexpected character "x": expected a JSON value' });
    expect(error('{1: 2}')).toMatchObject({ offset: 1, message: 'Expected a property name in double quotes' });
    expect(error('{"a": "b", "a": "c"}')).toMatchObject({ offset: 11, message: 'Duplicate key "a"' });
    expect(error('["abc')).toMatchObject({ offset: 1, message: 'Unterminated string' });
  });

  it('makes plain, writable properties', () => {
    const value = parseJsonLocated('{"a": 1}').value as Record<string, unknown>;
    expect(Object.getOwnPropertyDescriptor(value, 'a')).toEqual({
      value: 1,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  });
});

describe('jsonPathOf', () => {
  it('writes identifiers with dots and anything else quoted', () => {
    expect(jsonPathOf(['a', '$b', '_c', 'd1', 0, '1e', 'x-y', '', 'é'])).toBe('a.$b._c.d1[0]["1e"]["x-y"][""]["é"]');
    expect(jsonPathOf([Symbol('s'), 'a'])).toBe('["Symbol(s)"].a');
  });
});
