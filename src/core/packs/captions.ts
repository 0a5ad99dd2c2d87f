import { WebVTTParser } from 'webvtt-parser';
import type { PackIssue } from './issues';

/**
 * Caption files are WebVTT, checked by the W3C validator's parser rather than by hand: a file
 * Chromium would half-read (a missing signature, a cue ending before it starts) is refused at
 * build time with the line, and refused again by the verifier.
 */
export function captionIssues(entry: string, text: string): PackIssue[] {
  const { errors } = new WebVTTParser().parse(text, 'metadata');
  return errors.slice(0, 20).map((e) => ({
    entry,
    rule: 'bad-captions',
    message: `is not valid WebVTT: ${e.message}`,
    line: e.line,
    ...(e.col !== undefined ? { column: e.col } : {}),
  }));
}
