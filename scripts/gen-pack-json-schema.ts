/**
 * Writes docs/pack.schema.json, the JSON Schema of a pack's manifest.json, session and translation files,
 * generated from the zod schemas the app itself validates with (src/shared/pack/schema.ts), so
 * authors get editor completion and the two can never drift apart.
 *
 *   npx tsx scripts/gen-pack-json-schema.ts           write the file
 *   npx tsx scripts/gen-pack-json-schema.ts --check   exit 1 if the file is out of date
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import {
  alignedTranslationSchema,
  manifestSchema,
  sessionFileSchema,
  translationFileSchema,
} from '../src/shared/pack/schema';

export const SCHEMA_FILE = join(__dirname, '..', 'docs', 'pack.schema.json');

function definition(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' });
  void _drop;
  return rest;
}

export function generatePackJsonSchema(): string {
  const doc = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://study-companion.invalid/schemas/pack.schema.json',
    title: 'Study pack authoring files',
    description:
      'Generated from src/shared/pack/schema.ts by scripts/gen-pack-json-schema.ts; do not edit. ' +
      'Use #/$defs/manifest for manifest.json, #/$defs/sessionFile for each session file, ' +
      '#/$defs/translationFile for each translated strings file and #/$defs/alignedTranslation for ' +
      'an aligned translation of the source text (format 2). ' +
      'Rules that span files (unique ids, answers among the options, quotes found in the source text) ' +
      'are checked by `studypack build`, see docs/pack-format.md.',
    $defs: {
      manifest: definition(manifestSchema),
      sessionFile: definition(sessionFileSchema),
      translationFile: definition(translationFileSchema),
      alignedTranslation: definition(alignedTranslationSchema),
    },
    anyOf: [
      { $ref: '#/$defs/manifest' },
      { $ref: '#/$defs/sessionFile' },
      { $ref: '#/$defs/translationFile' },
      { $ref: '#/$defs/alignedTranslation' },
    ],
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

if (require.main === module) {
  const text = generatePackJsonSchema();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(SCHEMA_FILE, 'utf8');
    } catch {
      // missing counts as out of date
    }
    if (current !== text) {
      console.error('docs/pack.schema.json is out of date: run npx tsx scripts/gen-pack-json-schema.ts');
      process.exit(1);
    }
  } else {
    writeFileSync(SCHEMA_FILE, text);
    console.log(`wrote ${SCHEMA_FILE}`);
  }
}
