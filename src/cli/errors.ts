import { AppError } from '../shared/errors';
import { formatIssue, PackValidationError } from '../core/packs/issues';
import { printLines } from './terminal-safe';

/** Exit codes of the studypack CLI. */
export const EXIT = { ok: 0, invalid: 1, usage: 2, internal: 3 } as const;

/** Wrong command line: exit 2 and point at --help. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A problem with what the user gave us (missing file, untrusted signer): exit 1. */
export class InputError extends Error {
  override name = 'InputError';
}

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

/**
 * Prints an error to stderr naming the file (and line or zip entry) at fault and returns the
 * exit code. `where` is the file the command was working on, prefixed to pack-relative names.
 */
export function reportError(e: unknown, io: Io, where?: string): number {
  if (e instanceof UsageError) {
    io.err(`studypack: ${e.message}`);
    io.err('Run "studypack --help" for usage.');
    return EXIT.usage;
  }
  if (e instanceof InputError) {
    io.err(`studypack: ${e.message}`);
    return EXIT.invalid;
  }
  if (e instanceof PackValidationError) {
    const prefix = where ? `${where.replace(/\/+$/, '')}/` : '';
    io.err(
      `studypack: ${e.issues.length === 1 ? 'problem' : `${e.issues.length} problems`} in ${where ?? 'the pack'}:`,
    );
    for (const issue of e.issues) io.err(`${prefix}${formatIssue(issue)} [${issue.rule}]`);
    return EXIT.invalid;
  }
  if (e instanceof AppError) {
    const rule = e.detail?.rule ? `/${String(e.detail.rule)}` : '';
    io.err(`studypack: ${where ? `${where}: ` : ''}${e.message} [${e.code}${rule}]`);
    return EXIT.invalid;
  }
  printLines(io.err, `studypack: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  return EXIT.internal;
}
