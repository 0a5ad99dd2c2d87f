import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { CoreOptions } from './core';

const descriptor = z.object({ packFile: z.string(), publicKey: z.string(), publisherName: z.string() });

/**
 * Finds the signed pack that ships with the app (written by scripts/build-builtin-pack.ts):
 * `builtin/builtin.json` names the pack file and the publisher key the app trusts from birth.
 */
export function loadBuiltin(resourcesDir: string): CoreOptions['builtin'] {
  const file = join(resourcesDir, 'builtin', 'builtin.json');
  if (!existsSync(file)) return undefined;
  const d = descriptor.parse(JSON.parse(readFileSync(file, 'utf8')));
  return { ...d, packFile: join(resourcesDir, 'builtin', d.packFile) };
}
