import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatePackJsonSchema, SCHEMA_FILE } from '../../../scripts/gen-pack-json-schema';

describe('docs/pack.schema.json', () => {
  it('is up to date with the zod schemas (regenerate: npx tsx scripts/gen-pack-json-schema.ts)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(generatePackJsonSchema());
  });

  it('describes both authoring file kinds', () => {
    const doc = JSON.parse(generatePackJsonSchema());
    expect(doc.$defs.manifest.required).toContain('sessions');
    expect(
      doc.$defs.sessionFile.properties.quiz.properties.questions.items.oneOf ??
        doc.$defs.sessionFile.properties.quiz.properties.questions.items.anyOf,
    ).toHaveLength(4);
  });
});
