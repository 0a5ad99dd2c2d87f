import { describe, expect, it } from 'vitest';
import { captionIssues } from '../../../src/core/packs/captions';

/** The WebVTT check, directly (docs/testing.md, mutation testing). */

const cue = (start: string, end: string, text: string) => `${start} --> ${end}\n${text}\n\n`;

describe('captionIssues', () => {
  it('accepts a valid file, also with cue text that is not markup (& and < as plain characters)', () => {
    expect(captionIssues('c.vtt', `WEBVTT\n\n${cue('00:00.000', '00:01.000', 'hi')}`)).toEqual([]);
    // Parsed as metadata: cue text is shown as text, so "R&D" or a stray tag is not an error.
    const text = `WEBVTT\n\n${cue('00:00.000', '00:01.000', 'R&D <foo>x</bar> &nope;')}`;
    expect(captionIssues('c.vtt', text)).toEqual([]);
  });

  it('names the entry, the rule, the line and the column when the parser gives one', () => {
    expect(captionIssues('media/a.vtt', `WEBVTT\n\n${cue('00:02.000', '00:01.000', 'hi')}`)).toEqual([
      {
        entry: 'media/a.vtt',
        rule: 'bad-captions',
        message: 'is not valid WebVTT: End timestamp is not greater than start timestamp.',
        line: 3,
        column: 24,
      },
    ]);
    const [noSignature, ...rest] = captionIssues('media/b.vtt', `hello\n\n${cue('00:00.000', '00:01.000', 'hi')}`);
    expect(rest).toEqual([]);
    expect(noSignature).toEqual({
      entry: 'media/b.vtt',
      rule: 'bad-captions',
      message: expect.stringMatching(/^is not valid WebVTT: /),
      line: 1,
    });
    expect(Object.keys(noSignature!)).not.toContain('column');
  });

  it('reports at most 20 problems of a badly broken file', () => {
    let text = 'WEBVTT\n\n';
    for (let i = 0; i < 25; i++) text += cue(`00:${String(i + 10)}.000`, '00:00.000', 'x');
    const issues = captionIssues('c.vtt', text);
    expect(issues).toHaveLength(20);
    expect(issues.map((i) => i.line)).toEqual(Array.from({ length: 20 }, (_, i) => 3 + 3 * i));
  });
});
