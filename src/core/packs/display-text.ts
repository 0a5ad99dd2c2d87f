import type { PackIssue } from './issues';

/**
 * Characters that change how the text around them is shown without being seen: bidi embeddings,
 * overrides and isolates (U+202E makes a name read backwards), marks, zero-width spaces, word
 * joiners and invisible operators, the BOM, the soft hyphen, the Mongolian vowel separator and the
 * Hangul fillers, plus every C0/C1 control except tab and line breaks. ZWJ/ZWNJ stay allowed in
 * running text: emoji sequences and some scripts need them.
 */
const HIDDEN =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u3164\ufeff\uffa0]/u; // eslint-disable-line no-control-regex

/** In names (publisher, pack title) nothing invisible at all: also ZWJ/ZWNJ, tabs and line breaks. */
const HIDDEN_IN_NAMES = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u115f\u1160\u3164\uffa0]/u;

const describe = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

const jsonPath = (at: PropertyKey[]) =>
  at.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i ? '.' : ''}${String(k)}`)).join('');

/** Issues for every string in a parsed JSON file (or a Markdown text) that hides characters. */
export function hiddenTextIssues(entry: string, value: unknown, names: ReadonlySet<string> = new Set()): PackIssue[] {
  const issues: PackIssue[] = [];
  const walk = (v: unknown, at: PropertyKey[]) => {
    if (typeof v === 'string') {
      const strict = names.has(jsonPath(at));
      const found = (strict ? HIDDEN_IN_NAMES : HIDDEN).exec(v);
      if (found) {
        issues.push({
          entry,
          rule: 'hidden-character',
          ...(at.length ? { path: jsonPath(at) } : {}),
          message: `contains the invisible or direction-changing character ${describe(found[0])}; displayed text may not hide or reorder characters`,
        });
      }
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...at, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...at, k]);
  };
  walk(value, []);
  return issues;
}

/** Manifest fields shown as names, held to the stricter rule. */
export const MANIFEST_NAMES: ReadonlySet<string> = new Set(['publisher.name', 'title', 'id']);
