import type { z } from 'zod';
import type { PackIssue } from './issues';
import { jsonPathOf, JsonSyntaxError, lineColumn, parseJsonFast, type LocatedJson } from './json';
import { decodeUtf8, firstInvalidUtf8, lineOfByte } from './utf8';

/**
 * Files of a pack turned into text or JSON, each remembering its entry name and positions, so
 * every later check (schema, ids, answers) can report `entry:line:column: json.path: message`.
 */
export interface LocatedFile {
  entry: string;
  text: string;
  json: LocatedJson;
}

export type Result<T> = { ok: true; value: T } | { ok: false; issue: PackIssue };

/** Strict UTF-8 text; the error names the line and byte that break it. */
export function readText(entry: string, bytes: Uint8Array): Result<string> {
  const text = decodeUtf8(bytes);
  if (text !== null) return { ok: true, value: text };
  const at = firstInvalidUtf8(bytes);
  const byte = bytes[at];
  const hex = byte === undefined ? '' : ` (byte 0x${byte.toString(16).padStart(2, '0')} at offset ${at})`;
  return {
    ok: false,
    issue: { entry, rule: 'utf8', line: lineOfByte(bytes, at), message: `is not valid UTF-8${hex}; save it as UTF-8` },
  };
}

/**
 * A parsed JSON file keeps its bytes, not its text: the text is needed only to locate an issue, and
 * as a string (two bytes a character once it has any non-Latin-1 one) it is often twice the size.
 */
export function readJson(entry: string, bytes: Uint8Array): Result<LocatedFile> {
  const text = readText(entry, bytes);
  if (!text.ok) return text;
  try {
    let again: string | undefined;
    const textAgain = () => (again ??= decodeUtf8(bytes) ?? '');
    const json = parseJsonFast(text.value, textAgain);
    return {
      ok: true,
      value: {
        entry,
        json,
        get text() {
          return textAgain();
        },
      },
    };
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    const { line, column } = lineColumn(text.value, e.offset);
    return {
      ok: false,
      issue: { entry, rule: 'json-syntax', line, column, message: `JSON syntax error: ${e.message}` },
    };
  }
}

/** An issue at a JSON path; the position is that of the nearest enclosing value the file has. */
export function issueAt(file: LocatedFile, path: readonly PropertyKey[], rule: string, message: string): PackIssue {
  const issue: PackIssue = { entry: file.entry, rule, message };
  const jsonPath = jsonPathOf(path);
  if (jsonPath) issue.path = jsonPath;
  for (let n = path.length; n >= 0; n--) {
    const offset = file.json.positions.get(jsonPathOf(path.slice(0, n)));
    if (offset !== undefined) return { ...issue, ...lineColumn(file.text, offset) };
  }
  return issue;
}

function describe(issue: z.core.$ZodIssue): { path: PropertyKey[]; message: string } {
  const path = [...issue.path];
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => JSON.stringify(k)).join(', ');
    return { path: [...path, issue.keys[0] ?? ''], message: `unknown property ${keys} (check the spelling)` };
  }
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) {
    return { path, message: `required property is missing (expected ${issue.expected})` };
  }
  return { path, message: issue.message };
}

/** zod's issues as located pack issues (rule `schema`). */
export function schemaIssues(file: LocatedFile, error: z.ZodError): PackIssue[] {
  return error.issues.map((i) => {
    const { path, message } = describe(i);
    return issueAt(file, path, 'schema', message);
  });
}

/** The parsed value, or null after adding the located schema issues to `issues`. */
export function checkSchema<T>(file: LocatedFile, schema: z.ZodType<T>, issues: PackIssue[]): T | null {
  const r = schema.safeParse(file.json.value);
  if (r.success) return r.data;
  issues.push(...schemaIssues(file, r.error));
  return null;
}
