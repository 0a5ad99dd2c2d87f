import { describe, expect, it } from 'vitest';
import { collisionKey, compareNames, pathProblem } from '../../../src/core/packs/paths';

describe('pack path rules', () => {
  it('accepts ordinary relative paths, including non-ASCII ones', () => {
    for (const ok of ['manifest.json', 'sessions/s1/material.md', '资料/第一讲.md', 'a-b_c.d/e']) {
      expect(pathProblem(ok, 200)).toBeNull();
    }
  });

  it.each([
    ['/etc/passwd', 'absolute-path'],
    ['\\\\server\\share', 'absolute-path'],
    ['C:/Windows/x', 'absolute-path'],
    ['a\\b', 'backslash'],
    ['../x', 'parent-segment'],
    ['a/../../x', 'parent-segment'],
    ['sessions/', 'directory-entry'],
    ['a//b', 'invalid-name'],
    ['./a', 'invalid-name'],
    ['', 'invalid-name'],
    ['a\u0000b', 'invalid-name'],
    ['evil\u202Edm.exe', 'invalid-name'],
    ['\uFEFFmanifest.json', 'invalid-name'],
    ['a:b', 'absolute-path'], // drive-relative on Windows
    ['notes:stream', 'invalid-name'],
    ['NUL.txt', 'invalid-name'],
    ['dir./x', 'invalid-name'],
    ['x'.repeat(201), 'path-too-long'],
  ])('%j is refused as %s', (name, rule) => {
    expect(pathProblem(name, 200)?.rule).toBe(rule);
  });

  it('folds case and Unicode normalisation for collision checks', () => {
    expect(collisionKey('A.md')).toBe(collisionKey('a.md'));
    expect(collisionKey('e\u0301.md')).toBe(collisionKey('\u00e9.md'));
  });

  it('orders by UTF-8 bytes (uppercase before lowercase, BMP before astral)', () => {
    const names = ['b', 'SHA256SUMS', 'manifest.json', '\u{1F600}', '\uFF21', 'SHA256SUMS.sig'];
    expect(names.sort(compareNames)).toEqual([
      'SHA256SUMS',
      'SHA256SUMS.sig',
      'b',
      'manifest.json',
      '\uFF21',
      '\u{1F600}',
    ]);
  });
});
