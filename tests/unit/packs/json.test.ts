import { describe, expect, it } from 'vitest';
import { JsonSyntaxError, jsonPathOf, lineColumn, parseJsonLocated } from '../../../src/core/packs/json';

function syntaxError(text: string): { message: string; line: number; column: number } {
  try {
    parseJsonLocated(text);
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    return { message: e.message, ...lineColumn(text, e.offset) };
  }
  throw new Error('expected a syntax error');
}

describe('located JSON reader', () => {
  it('parses like JSON.parse', () => {
    const samples = ['{"a":[1,2.5,-3e2,true,false,null,"x\\n\\u00e9"]}', '[]', '{}', '"s"', '0', ' [ { } ] '];
    for (const s of samples) expect(parseJsonLocated(s).value).toEqual(JSON.parse(s));
  });

  it('records where each value starts', () => {
    const text = '{\n  "quiz": {\n    "questions": [\n      { "id": "q1" }\n    ]\n  }\n}';
    const { positions } = parseJsonLocated(text);
    expect(lineColumn(text, positions.get('quiz.questions[0].id')!)).toEqual({ line: 4, column: 15 });
    expect(lineColumn(text, positions.get('')!)).toEqual({ line: 1, column: 1 });
  });

  it('reports syntax errors with line and column', () => {
    expect(syntaxError('{\n  "a": 1,\n}')).toMatchObject({ line: 3, column: 1 });
    expect(syntaxError('{\n  "a": 1\n  "b": 2\n}')).toMatchObject({
      line: 3,
      column: 3,
      message: expect.stringMatching(/","/),
    });
    expect(syntaxError('{"a": tru}')).toMatchObject({ line: 1, column: 7 });
    expect(syntaxError('{"a": "x')).toMatchObject({ line: 1, column: 7, message: 'Unterminated string' });
    expect(syntaxError('[1] x')).toMatchObject({ line: 1, column: 5 });
    expect(syntaxError('')).toMatchObject({ line: 1, column: 1 });
    expect(syntaxError('{"a":\n"line\nbreak"}')).toMatchObject({ line: 2, column: 6 });
  });

  it('refuses duplicate keys, which JSON.parse would silently merge', () => {
    expect(syntaxError('{"id": "a",\n "id": "b"}')).toMatchObject({
      line: 2,
      column: 2,
      message: 'Duplicate key "id"',
    });
  });

  it('keeps "__proto__" as a plain own key', () => {
    const { value } = parseJsonLocated('{"__proto__": {"polluted": true}}');
    expect(Object.keys(value as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });

  it('limits nesting depth instead of overflowing the stack', () => {
    expect(syntaxError('['.repeat(100000)).message).toMatch(/Nesting deeper/);
  });

  it('formats JSON paths', () => {
    expect(jsonPathOf(['quiz', 'questions', 2, 'answer', 0])).toBe('quiz.questions[2].answer[0]');
    expect(jsonPathOf([])).toBe('');
    expect(jsonPathOf(['a b'])).toBe('["a b"]');
  });
});
