import type { Io } from './errors';

/**
 * Characters a terminal must never receive raw from a pack: C0/C1 controls and DEL (ESC starts
 * escape sequences that can retitle the window, rewrite earlier lines or, in some terminals, run
 * commands), format characters such as the bidi overrides (U+202E makes "gpj.exe" read "exe.jpg"),
 * zero-width characters and the BOM, line/paragraph separators, private-use and unassigned points.
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/gu;

const escapeChar = (c: string): string => {
  const code = c.codePointAt(0)!;
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (c === '\t') return '\\t';
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
  return code <= 0xffff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\u{${code.toString(16)}}`;
};

/** One output line with every unsafe character shown as an escape (`\x1b`, `\u202e`, `\n`). */
export const escapeForTerminal = (line: string): string => line.replace(UNSAFE, escapeChar);

/**
 * Every line the CLI prints goes through here, so no command can forget: a line is one line, and
 * text that is meant to span several (usage, a stack) is passed one line at a time by its caller.
 */
export const terminalSafe = (io: Io): Io => ({
  out: (line) => io.out(escapeForTerminal(line)),
  err: (line) => io.err(escapeForTerminal(line)),
});

/** Prints trusted multi-line text (usage, a stack trace) as separate, still-escaped lines. */
export const printLines = (print: (line: string) => void, text: string): void => {
  for (const line of text.split('\n')) print(line);
};
