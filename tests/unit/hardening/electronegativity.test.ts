import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { justifiedIds } from '../../../scripts/electronegativity.mjs';
import { repoRoot } from './support';

/** The justification syntax of scripts/electronegativity.mjs (the scan itself is `npm run security`). */
describe('electronegativity-ok justifications', () => {
  const lines = [
    'const a = 1;',
    '// electronegativity-ok PRELOAD_JS_CHECK: the preload exposes invoke() for contract names only',
    'preload: join(__dirname, "../preload/index.js"),',
    'x(); // electronegativity-ok AUXCLICK_JS_CHECK, OPEN_EXTERNAL_JS_CHECK: both reviewed in docs/security.md',
    '// electronegativity-ok SANDBOX_JS_CHECK: short',
    'sandbox: false,',
    '// electronegativity-ok: no check id given, so nothing is justified',
    'y();',
  ];

  it('counts a comment on the reported line or the line before, for the named checks only', () => {
    expect([...justifiedIds(lines, 3)]).toEqual(['PRELOAD_JS_CHECK']);
    expect([...justifiedIds(lines, 2)]).toEqual(['PRELOAD_JS_CHECK']);
    expect([...justifiedIds(lines, 4)].sort()).toEqual(['AUXCLICK_JS_CHECK', 'OPEN_EXTERNAL_JS_CHECK']);
    expect([...justifiedIds(lines, 1)]).toEqual([]);
  });

  it('needs a reason of at least 10 characters and a check id', () => {
    expect([...justifiedIds(lines, 6)]).toEqual([]);
    expect([...justifiedIds(lines, 8)]).toEqual([]);
  });

  it('is not two lines away', () => {
    expect([...justifiedIds(['// electronegativity-ok X_CHECK: a good reason here', '', 'code'], 3)]).toEqual([]);
  });

  it('is wired into npm test', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.security).toBe('node scripts/electronegativity.mjs');
    expect(pkg.scripts.test).toContain('npm run security');
  });
});
