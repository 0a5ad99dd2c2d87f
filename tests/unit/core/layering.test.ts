import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/core';

const eslint = new ESLint({ cwd: repoRoot });

async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((m) => m.message);
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

  it('fails any run-time import in the preload but electron (the bug that kept the app from starting)', async () => {
    const core = await layeringErrors(
      'src/preload/bad.ts',
      "import { openDatabase } from '../core/db/open';\nexport const x = openDatabase;\n",
    );
    expect(core).toHaveLength(1);
    // The shared contract is zod-built: importing it made the built preload require("zod").
    const shared = await layeringErrors(
      'src/preload/bad.ts',
      "import { isCallName } from '../shared/contract';\nexport const x = isCallName;\n",
    );
    expect(shared).toHaveLength(1);
    expect(shared[0]).toMatch(/only electron/);
    const fine = await layeringErrors(
      'src/preload/good.ts',
      "import { ipcRenderer } from 'electron';\nimport type { StudyBridge } from '../shared/bridge';\nexport const x: StudyBridge | typeof ipcRenderer = ipcRenderer;\n",
    );
    expect(fine).toEqual([]);
  });

  it('keeps the arrows inside the core: the pack format knows no quiz, the library no study', async () => {
    expect(
      await layeringErrors(
        'src/core/packs/bad.ts',
        "import { gradeAnswer } from '../quiz/grade';\nexport const x = gradeAnswer;\n",
      ),
    ).toHaveLength(1);
    expect(
      await layeringErrors(
        'src/core/library/bad.ts',
        "import { search } from '../study/search';\nexport const x = search;\n",
      ),
    ).toHaveLength(1);
    expect(
      await layeringErrors(
        'src/core/packs/good.ts',
        "import { normalizeAnswer } from '../text/normalize';\nexport const x = normalizeAnswer;\n",
      ),
    ).toEqual([]);
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
