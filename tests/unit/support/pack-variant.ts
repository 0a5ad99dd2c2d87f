import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { buildPack } from '../../../src/core/packs/build';
import { builtinFolder } from './core';
import { tempDir } from './temp';

/** A copy of the built-in pack folder, changed by `edit`, built and signed with `privateKeyPem`. */
export async function variant(privateKeyPem: string, edit: (folder: string) => void): Promise<Buffer> {
  const folder = join(tempDir('study-variant-'), 'pack');
  cpSync(builtinFolder, folder, { recursive: true });
  edit(folder);
  return buildPack(folder, privateKeyPem);
}
