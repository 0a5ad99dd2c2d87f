import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support';

/**
 * docs/security.md cites code as [path:line](../path#Lline) `what that line says`. This keeps the
 * citations true: the file exists and the line still contains the quoted code.
 */
const doc = readFileSync(join(repoRoot, 'docs', 'security.md'), 'utf8');
const refs = [...doc.matchAll(/\[([^\]]+):(\d+)\]\(\.\.\/([^)#]+)#L(\d+)\)\s*`([^`]+)`/g)].map((m) => ({
  label: `${m[1]}:${m[2]}`,
  labelFile: m[1]!,
  labelLine: Number(m[2]),
  file: m[3]!,
  line: Number(m[4]),
  quote: m[5]!.replace(/\\\|/g, '|'),
}));

describe('docs/security.md', () => {
  it("covers all 20 items of Electron's checklist", () => {
    const rows = doc.match(/^\| (\d+) \|/gm)?.map((r) => Number(/\d+/.exec(r)![0]));
    expect(rows).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('cites code that is really there', () => {
    expect(refs.length).toBeGreaterThan(40);
    const wrong: string[] = [];
    for (const r of refs) {
      expect(r.labelFile, r.label).toBe(r.file);
      expect(r.labelLine, r.label).toBe(r.line);
      const path = join(repoRoot, r.file);
      if (!existsSync(path)) {
        wrong.push(`${r.label}: no such file`);
        continue;
      }
      const lines = readFileSync(path, 'utf8').split('\n');
      if (!lines[r.line - 1]?.includes(r.quote)) {
        const now = lines.findIndex((l) => l.includes(r.quote));
        wrong.push(`${r.label}: does not contain \`${r.quote}\`${now >= 0 ? ` (it is on line ${now + 1} now)` : ''}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
