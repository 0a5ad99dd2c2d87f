import { describe, expect, it } from 'vitest';
import { answerKey, checkResponse, grade } from '../../../src/core/quiz/grade';
import { matchesAccepted, normalizeAnswer } from '../../../src/core/text/normalize';
import { meetsPassMark } from '../../../src/core/quiz/submit';
import type { Question } from '../../../src/shared/pack/schema';

const base = { prompt: 'p', explanation: 'e', source: 'a quoted passage' };
const options = ['a', 'b', 'c', 'd'].map((id) => ({ id, text: id.toUpperCase() }));
const single: Question = { ...base, id: 'q1', type: 'single', options, answer: ['b'] };
const multiple: Question = { ...base, id: 'q2', type: 'multiple', options, answer: ['a', 'c'] };
const tf: Question = { ...base, id: 'q3', type: 'truefalse', answer: false };
const fill: Question = { ...base, id: 'q4', type: 'fill', answer: ['Four Winds', '四风', 'self-revolution'] };

describe('grading per question type', () => {
  it('single: exactly the right option', () => {
    expect(grade(single, { type: 'single', option: 'b' })).toBe(true);
    expect(grade(single, { type: 'single', option: 'a' })).toBe(false);
    expect(grade(single, null)).toBe(false);
  });

  it('multiple: exactly the set, in any order; a missing or an extra option is wrong', () => {
    expect(grade(multiple, { type: 'multiple', options: ['c', 'a'] })).toBe(true);
    expect(grade(multiple, { type: 'multiple', options: ['a'] })).toBe(false);
    expect(grade(multiple, { type: 'multiple', options: ['a', 'c', 'd'] })).toBe(false);
    expect(grade(multiple, { type: 'multiple', options: [] })).toBe(false);
    // The right number of options, one of them wrong: every right option must be ticked.
    expect(grade(multiple, { type: 'multiple', options: ['a', 'd'] })).toBe(false);
    expect(grade(multiple, { type: 'multiple', options: ['b', 'd'] })).toBe(false);
  });

  it('true/false, including a false answer', () => {
    expect(grade(tf, { type: 'truefalse', value: false })).toBe(true);
    expect(grade(tf, { type: 'truefalse', value: true })).toBe(false);
  });

  it('a response of another type is simply wrong when grading', () => {
    expect(grade(tf, { type: 'single', option: 'a' })).toBe(false);
    expect(grade(fill, { type: 'truefalse', value: true })).toBe(false);
  });

  it('fill: any of several accepted answers', () => {
    for (const text of ['four winds', '四风', 'Self-Revolution'])
      expect(grade(fill, { type: 'fill', text })).toBe(true);
    expect(grade(fill, { type: 'fill', text: 'four' })).toBe(false);
    expect(grade(fill, { type: 'fill', text: '' })).toBe(false);
  });
});

describe('the answer key shown in the review', () => {
  it('gives the right answer of every type, and copies (never shares) the pack arrays', () => {
    expect(answerKey(single)).toEqual({ type: 'single', option: 'b' });
    expect(answerKey(multiple)).toEqual({ type: 'multiple', options: ['a', 'c'] });
    expect(answerKey(tf)).toEqual({ type: 'truefalse', value: false });
    expect(answerKey({ ...tf, answer: true })).toEqual({ type: 'truefalse', value: true });
    expect(answerKey(fill)).toEqual({ type: 'fill', accepted: ['Four Winds', '四风', 'self-revolution'] });
    const key = answerKey(multiple);
    if (key.type === 'multiple') key.options.push('d');
    expect(multiple.type === 'multiple' && multiple.answer).toEqual(['a', 'c']);
  });
});

describe('fill-in normalisation', () => {
  const ok = (typed: string) => matchesAccepted(typed, ['Four Winds', '四风', 'self-revolution', '12th']);

  it('full-width letters, digits and spaces count as half-width', () => {
    expect(ok('ＦＯＵＲ　ＷＩＮＤＳ')).toBe(true);
    expect(ok('１２ｔｈ')).toBe(true);
  });

  it('ignores case', () => {
    expect(ok('FOUR winds')).toBe(true);
    expect(normalizeAnswer('ÉCOLE')).toBe('école');
  });

  it('trims surrounding whitespace and collapses inner whitespace', () => {
    expect(ok('  four \t  winds \n')).toBe(true);
    expect(ok('fourwinds')).toBe(false);
  });

  it('ignores surrounding ASCII and CJK punctuation, keeps inner punctuation', () => {
    for (const t of [
      '"four winds."',
      '四风。',
      '“四风”',
      '「四风」',
      '《四风》',
      '(四风)',
      '（四风）！',
      '四风，',
      '、四风；',
      '‘self-revolution’?',
    ]) {
      expect(ok(t), t).toBe(true);
    }
    expect(ok('self revolution')).toBe(false);
    expect(normalizeAnswer('  “Self-Revolution”。 ')).toBe('self-revolution');
  });

  it('punctuation alone matches nothing, not even an answer of punctuation', () => {
    expect(normalizeAnswer('。，！ ')).toBe('');
    expect(matchesAccepted('。', ['。'])).toBe(false);
  });
});

describe('checking a response against its question', () => {
  it('refuses another type, unknown options and repeated options', () => {
    expect(() => checkResponse(single, { type: 'multiple', options: ['b'] })).toThrow(/cannot take/);
    expect(() => checkResponse(single, { type: 'single', option: 'z' })).toThrow(/not one of its options/);
    expect(() => checkResponse(multiple, { type: 'multiple', options: ['a', 'a'] })).toThrow(/twice/);
    expect(() => checkResponse(multiple, { type: 'multiple', options: ['a', 'd'] })).not.toThrow();
    expect(() => checkResponse(fill, { type: 'fill', text: 'anything' })).not.toThrow();
  });
});

describe('the pass mark', () => {
  it('is met exactly on the boundary, without floating-point surprises', () => {
    expect(meetsPassMark(4, 5, 0.8)).toBe(true);
    expect(meetsPassMark(7, 10, 0.7)).toBe(true);
    expect(meetsPassMark(3, 5, 0.6)).toBe(true);
    expect(meetsPassMark(5, 7, 0.8)).toBe(false);
    expect(meetsPassMark(0, 0, 0)).toBe(false);
  });
});
