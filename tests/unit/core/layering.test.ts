import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/core';

const eslint = new ESLint({ cwd: repoRoot });

async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the layering rule is enforced by lint', () => {
  it('fails a renderer import of core code', async () => {
    const errors = await layeringErrors(
      'src/renderer/src/bad.ts',
      "import { Core } from '../../core/core';\nexport const x = Core;\n",
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/Layering/);
  });

  it('fails a preload import of core code', async () => {
    const errors = await layeringErrors(
      'src/preload/bad.ts',
      "import { openDatabase } from '../core/db/open';\nexport const x = openDatabase;\n",
    );
    expect(errors).toHaveLength(1);
  });

  it('fails electron in the core and Node built-ins in shared', async () => {
    expect(
      await layeringErrors('src/core/bad.ts', "import { app } from 'electron';\nexport const x = app;\n"),
    ).toHaveLength(1);
    expect(
      await layeringErrors(
        'src/shared/bad.ts',
        "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
      ),
    ).toHaveLength(1);
  });

  it('allows the renderer to import the shared contract', async () => {
    const errors = await layeringErrors(
      'src/renderer/src/good.ts',
      "import { contract } from '../../shared/contract';\nexport const x = contract;\n",
    );
    expect(errors).toEqual([]);
  });
});
