import { AppError, type ErrorCode } from '../../shared/errors';

/**
 * Problems found in a pack. Every one names the file (zip entry or authoring-folder path) and, for
 * JSON files, the JSON path and line/column, so an author can go straight to the spot.
 */
export type PackErrorCode = Extract<ErrorCode, 'PACK_INVALID' | 'PACK_UNSAFE' | 'PACK_SIGNATURE'>;

export interface PackIssue {
  /** Entry name inside the pack (also the path inside the authoring folder); null for the whole file. */
  entry: string | null;
  /** Short machine-readable rule name, e.g. `parent-segment`, `hash-mismatch`, `schema`. */
  rule: string;
  message: string;
  /** JSON path inside the entry, e.g. `quiz.questions[2].answer`. */
  path?: string;
  line?: number;
  column?: number;
}

/** `entry:line:column: path: message`, the shape compilers use so editors can jump to it. */
export function formatIssue(issue: PackIssue): string {
  let where = issue.entry ?? '(pack)';
  if (issue.line !== undefined) where += `:${issue.line}:${issue.column ?? 1}`;
  const path = issue.path ? ` ${issue.path}:` : '';
  return `${where}:${path} ${issue.message}`;
}

/** Extra numbers a refusal can carry for the participant's wording (sizes, limits). */
export type PackParams = Record<string, string | number>;

/**
 * The stable key the renderer words a pack refusal by: `pack.<rule>` (locale key
 * `reasons.pack.<rule>`), so every rule name is also a translation key.
 */
export const packReason = (rule: string): string => `pack.${rule}`;

function detailOf(issue: PackIssue): NonNullable<AppError['detail']> {
  const detail: NonNullable<AppError['detail']> = {
    reason: packReason(issue.rule),
    entry: issue.entry,
    rule: issue.rule,
  };
  if (issue.path !== undefined) detail.path = issue.path;
  if (issue.line !== undefined) detail.line = issue.line;
  if (issue.column !== undefined) detail.column = issue.column;
  return detail;
}

/** A single fatal problem with the container (zip structure, safety rule, signature). */
export function packError(
  code: PackErrorCode,
  rule: string,
  entry: string | null,
  message: string,
  params: PackParams = {},
): AppError {
  const where = entry === null ? '' : `"${entry}": `;
  return new AppError(code, `${where}${message}`, { ...params, reason: packReason(rule), entry, rule });
}

/**
 * Content problems (schema, references, ids) are collected rather than thrown one by one: an
 * author fixing a pack wants the whole list. The message lists them; `issues` keeps the structure.
 */
export class PackValidationError extends AppError {
  constructor(readonly issues: readonly PackIssue[]) {
    const first = issues[0];
    if (!first) throw new Error('PackValidationError needs at least one issue');
    const shown = issues.slice(0, 20).map(formatIssue);
    if (issues.length > shown.length) shown.push(`... and ${issues.length - shown.length} more`);
    const head =
      issues.length === 1 ? 'The pack content is invalid:' : `The pack content has ${issues.length} problems:`;
    super('PACK_INVALID', `${head}\n${shown.join('\n')}`, { ...detailOf(first), issues: issues.length });
    this.name = 'PackValidationError';
  }
}
