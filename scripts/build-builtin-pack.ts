/**
 * Builds and signs the built-in pack with the project's own studypack code at build time, and
 * writes resources/builtin/{training-class.studypack, builtin.json}. The signing key comes from
 * STUDYPACK_KEY_FILE (release builds: the organisers' key, never committed); otherwise a local
 * development key is made once in .keys/ (git-ignored), so no private key ever lives in the repo.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildPack } from '../src/core/packs/build';
import { generateKeyPair, publicKeyFromPrivate } from '../src/core/packs/keys';
import { manifestSchema } from '../src/shared/pack/schema';

const root = resolve(__dirname, '..');
const folder = join(root, 'packs', 'training-class');
const outDir = join(root, 'resources', 'builtin');
const PACK_FILE = 'training-class.studypack';

function signingKey(): string {
  const fromEnv = process.env.STUDYPACK_KEY_FILE;
  if (fromEnv) return readFileSync(fromEnv, 'utf8');
  const devKey = join(root, '.keys', 'dev-publisher.key');
  if (!existsSync(devKey)) {
    mkdirSync(join(root, '.keys'), { recursive: true });
    writeFileSync(devKey, generateKeyPair().privateKeyPem, { mode: 0o600 });
    chmodSync(devKey, 0o600);
  }
  return readFileSync(devKey, 'utf8');
}

async function main() {
  const key = signingKey();
  const bytes = await buildPack(folder, key);
  const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')));
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, PACK_FILE), bytes);
  const descriptor = {
    packFile: PACK_FILE,
    publicKey: publicKeyFromPrivate(key),
    publisherName: manifest.publisher.name,
  };
  writeFileSync(join(outDir, 'builtin.json'), `${JSON.stringify(descriptor, null, 2)}\n`);
  console.log(
    `built-in pack ${manifest.id}@${manifest.version}: ${bytes.length} bytes -> resources/builtin/${PACK_FILE}`,
  );
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
