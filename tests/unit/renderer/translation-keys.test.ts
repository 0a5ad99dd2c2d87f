import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { noticeSchema } from '../../../src/shared/contract/app';
import { askedQuestionSchema } from '../../../src/shared/contract/quiz';
import { recordFormatSchema } from '../../../src/shared/contract/records';
import { searchHitSchema, sessionStatusSchema } from '../../../src/shared/contract/study';
import { rejectReasonSchema } from '../../../src/shared/contract/venue';
import { errorCodes } from '../../../src/shared/errors';
import { languages } from '../../../src/shared/languages';
import { repoRoot } from '../support/core';

/**
 * Every translation key the renderer asks for exists in every language. i18next falls back to
 * English, so a key missing only from zh-CN would show English in the Chinese UI and no other test
 * would notice. Keys written out (t('a.b')) are read from the source; keys built from a value
 * (t(`status.${s}`)) are listed below with every value they can take, from the contract's enums.
 */

const srcDir = join(repoRoot, 'src/renderer/src');

/** Each template used in code, and the values its placeholder takes. */
const dynamic: Record<string, readonly string[]> = {
  // ErrorMessage words these codes itself; any other error shows errors.generic.
  'errors.${}': errorCodes.filter((c) => ['NO_PROFILE', 'PIN_WRONG', 'PIN_REQUIRED'].includes(c)),
  'notices.${}': noticeSchema.shape.code.options,
  'status.${}': sessionStatusSchema.options,
  'records.statusValue.${}': sessionStatusSchema.options,
  'records.export.${}': recordFormatSchema.options,
  'quiz.${}': ['true', 'false'],
  'quiz.tfAnswer.${}': ['true', 'false'],
  'quiz.hint.${}': askedQuestionSchema.shape.type.options,
  'search.kind.${}': searchHitSchema.shape.kind.options,
  'venue.reasons.${}': rejectReasonSchema.options,
  'venueAdmin.do.${}': ['edit', 'pin', 'delete'],
  'venueAdmin.open.${}': ['edit', 'pin', 'delete'],
  'venueAdmin.field.${}': ['name', 'unit', 'venue'],
  'venueReport.what.${}': [
    'quizStarted',
    'quizSubmitted',
    'answer',
    'reading',
    'readToEnd',
    'keyPointReviewed',
    'completed',
    'profileCreated',
  ],
  // Roster problems the core reports row by row (src/core/venue/roster*.ts).
  'reasons.${}': [
    'venue.roster.noHeader',
    'venue.roster.rowDuplicate',
    'venue.roster.rowNoName',
    'venue.roster.rowUnreadable',
  ],
};

type Tree = Record<string, unknown>;
const isTree = (v: unknown): v is Tree => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The locale files of one language merged deeply, as src/renderer/src/i18n does it (a DOM module). */
function translation(lang: string): Tree {
  const merge = (target: Tree, source: Tree) => {
    for (const [k, v] of Object.entries(source)) {
      if (isTree(target[k]) && isTree(v)) merge(target[k] as Tree, v);
      else target[k] = v;
    }
  };
  const out: Tree = {};
  // The renderer's own files and the shared ones (the first screen's and the exported files' words).
  for (const dir of [join(srcDir, 'i18n', 'locales'), join(repoRoot, 'src', 'shared', 'locales')]) {
    for (const f of readdirSync(dir).filter((f) => f.endsWith(`.${lang}.json`))) {
      merge(out, JSON.parse(readFileSync(join(dir, f), 'utf8')) as Tree);
    }
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

function usedKeys() {
  const fixed = new Map<string, string>();
  const templates = new Map<string, string>();
  for (const file of sourceFiles(srcDir)) {
    const text = readFileSync(file, 'utf8');
    const where = relative(repoRoot, file);
    for (const m of text.matchAll(/\bt\(\s*(['"])([^'"]+)\1/g)) fixed.set(m[2]!, where);
    for (const m of text.matchAll(/\bt\(\s*`([^`]*)`/g)) templates.set(m[1]!.replace(/\$\{[^}]*\}/g, '${}'), where);
  }
  return { fixed, templates };
}

function lookup(tree: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);
}

/** A plain key, or the plural forms i18next picks for it when a count is passed. */
const present = (tree: unknown, key: string) =>
  [key, `${key}_one`, `${key}_other`].some((k) => typeof lookup(tree, k) === 'string');

describe('translation keys used in code', () => {
  const { fixed, templates } = usedKeys();

  it('finds the keys it checks (the scan itself works)', () => {
    expect(fixed.size).toBeGreaterThan(100);
    expect(fixed.get('app.loading')).toBeDefined();
  });

  it.each(languages)('every written-out key exists in %s', (lang) => {
    const tree = translation(lang);
    const missing = [...fixed].filter(([key]) => !present(tree, key)).map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });

  it('every key built from a value is listed here with its values', () => {
    const unlisted = [...templates].filter(([t]) => !(t in dynamic)).map(([t, file]) => `${t} (${file})`);
    expect(unlisted, 'add the template and the values it can take to `dynamic` above').toEqual([]);
  });

  it.each(languages)('every key built from a value exists in %s for every value', (lang) => {
    const tree = translation(lang);
    const missing = Object.entries(dynamic).flatMap(([template, values]) =>
      values.map((v) => template.replace('${}', v)).filter((key) => !present(tree, key)),
    );
    expect(missing).toEqual([]);
  });
});
