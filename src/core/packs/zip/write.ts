import yazl from 'yazl';
import { compareNames } from '../paths';
import { FILE_MODE, fixedMtime } from './canonical';

/**
 * Deterministic zip: entries sorted by UTF-8 name, fixed time and mode, no extra fields, no
 * comment. With the same inputs (and the same zlib) the output is the same bytes, so a publisher
 * can rebuild a pack and compare hashes.
 */
export function writeZip(files: ReadonlyArray<{ path: string; bytes: Buffer }>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const sorted = [...files].sort((a, b) => compareNames(a.path, b.path));
  for (const f of sorted) {
    zip.addBuffer(f.bytes, f.path, { mtime: fixedMtime(), mode: FILE_MODE, compress: true, forceDosTimestamp: true });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.end();
  });
}
