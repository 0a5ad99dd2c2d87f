import { describe, expect, it } from 'vitest';
import {
  formatIssue,
  packError,
  packReason,
  PackValidationError,
  type PackIssue,
} from '../../../src/core/packs/issues';

/*
 * How a pack problem is reported: the `entry:line:column: path: message` line an author's editor
 * jumps to (the studypack tool prints it), and the code, reason and detail the renderer words a
 * refusal from. Mutation testing (docs/testing.md) found each part could change unnoticed.
 */

const issue = (extra: Partial<PackIssue> = {}): PackIssue => ({
  entry: 'sessions/s1/session.json',
  rule: 'schema',
  message: 'bad',
  ...extra,
});

describe('formatIssue', () => {
  it('writes entry, line, column and JSON path the way compilers do', () => {
    expect(formatIssue(issue({ line: 3, column: 7, path: 'quiz.questions[2]' }))).toBe(
      'sessions/s1/session.json:3:7: quiz.questions[2]: bad',
    );
  });

  it('takes column 1 when only the line is known, and leaves both out when neither is', () => {
    expect(formatIssue(issue({ line: 3 }))).toBe('sessions/s1/session.json:3:1: bad');
    expect(formatIssue(issue())).toBe('sessions/s1/session.json: bad');
  });

  it('names the whole pack when there is no entry, and keeps line 0 and an empty path apart', () => {
    expect(formatIssue(issue({ entry: null }))).toBe('(pack): bad');
    expect(formatIssue(issue({ line: 0, column: 0, path: '' }))).toBe('sessions/s1/session.json:0:0: bad');
  });
});

describe('packError', () => {
  it('carries the code, the reason key, the entry and rule, and any numbers', () => {
    const e = packError('PACK_UNSAFE', 'too-large', 'media/a.mp4', 'is too large', { size: 10, limit: 5 });
    expect(e.code).toBe('PACK_UNSAFE');
    expect(e.message).toBe('"media/a.mp4": is too large');
    expect(e.detail).toEqual({ size: 10, limit: 5, reason: 'pack.too-large', entry: 'media/a.mp4', rule: 'too-large' });
  });

  it('a whole-pack error has no entry prefix, and its rule cannot be overridden by a parameter', () => {
    const e = packError('PACK_SIGNATURE', 'signature', null, 'does not verify', { rule: 'x', reason: 'y' });
    expect(e.message).toBe('does not verify');
    expect(e.detail).toEqual({ reason: 'pack.signature', entry: null, rule: 'signature' });
    expect(packError('PACK_INVALID', 'r', null, 'm').detail).toEqual({ reason: 'pack.r', entry: null, rule: 'r' });
  });

  it('the reason is the rule under pack.', () => {
    expect(packReason('hash-mismatch')).toBe('pack.hash-mismatch');
  });
});

describe('PackValidationError', () => {
  it('one issue: its detail is the issue, located', () => {
    const e = new PackValidationError([issue({ path: 'title', line: 2, column: 5 })]);
    expect(e).toMatchObject({ code: 'PACK_INVALID', name: 'PackValidationError' });
    expect(e.message).toBe('The pack content is invalid:\nsessions/s1/session.json:2:5: title: bad');
    expect(e.detail).toEqual({
      reason: 'pack.schema',
      entry: 'sessions/s1/session.json',
      rule: 'schema',
      path: 'title',
      line: 2,
      column: 5,
      issues: 1,
    });
  });

  it('leaves out of the detail what the first issue does not have', () => {
    // Strict: a key present with the value undefined would still be a key the detail should not have.
    expect(new PackValidationError([issue({ entry: null, rule: 'utf8' })]).detail).toStrictEqual({
      reason: 'pack.utf8',
      entry: null,
      rule: 'utf8',
      issues: 1,
    });
    expect(new PackValidationError([issue({ line: 0, column: 0, path: '' })]).detail).toMatchObject({
      line: 0,
      column: 0,
      path: '',
    });
  });

  it('lists at most 20 issues and counts the rest; the detail names the first and the count', () => {
    const many = Array.from({ length: 23 }, (_, i) => issue({ message: `m${i}`, rule: i ? 'other' : 'first' }));
    const e = new PackValidationError(many);
    const lines = e.message.split('\n');
    expect(lines[0]).toBe('The pack content has 23 problems:');
    expect(lines.slice(1, 21)).toEqual(many.slice(0, 20).map(formatIssue));
    expect(lines[21]).toBe('... and 3 more');
    expect(lines).toHaveLength(22);
    expect(e.detail).toMatchObject({ rule: 'first', reason: 'pack.first', issues: 23 });
    expect(e.issues).toBe(many);
  });

  it('twenty issues are all listed with no "more" line', () => {
    const e = new PackValidationError(Array.from({ length: 20 }, () => issue()));
    expect(e.message.split('\n')).toHaveLength(21);
    expect(e.message).not.toMatch(/more/);
  });

  it('refuses to be made without an issue', () => {
    expect(() => new PackValidationError([])).toThrow(/at least one issue/);
  });
});
