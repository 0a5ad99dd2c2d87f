import { packError, type PackParams } from '../issues';
import type { PackLimits } from '../limits';
import { collisionKey, pathProblem } from '../paths';
import { decodeUtf8 } from '../utf8';
import {
  DOS_DIRECTORY,
  FLAG_ENCRYPTED,
  FLAG_STRONG_ENCRYPTION,
  FLAG_UTF8,
  METHOD_DEFLATE,
  METHOD_STORE,
  S_IFDIR,
  S_IFLNK,
  S_IFMT,
  S_IFREG,
} from './canonical';
import type { ZipEntry } from './read';

/**
 * Safe-extraction rules, applied to each central-directory entry as it is read and before any
 * data is inflated: what a careful unzipper must refuse (zip-slip paths, links, duplicates,
 * encryption, bombs). Each refusal names the entry and the rule.
 */
export class EntryRules {
  private readonly names = new Set<string>();
  private readonly folded = new Map<string, string>();
  private total = 0;
  private text = 0;

  constructor(private readonly limits: PackLimits) {}

  /** The entry's name once every rule passed; otherwise throws PACK_UNSAFE / PACK_INVALID. */
  check(e: ZipEntry): string {
    const name = this.name(e);
    const unsafe = (rule: string, message: string, params?: PackParams) =>
      packError('PACK_UNSAFE', rule, name, message, params);
    if (e.generalPurposeBitFlag & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION)) {
      throw unsafe('encrypted', 'Encrypted zip entries are not allowed.');
    }
    const problem = pathProblem(name, this.limits.maxPathLength);
    if (problem) throw unsafe(problem.rule, `The entry name ${problem.reason}.`);

    const mode = e.externalFileAttributes >>> 16;
    const type = mode & S_IFMT;
    if (type === S_IFLNK) throw unsafe('symlink', 'Symbolic links are not allowed in a pack.');
    if (type === S_IFDIR || e.externalFileAttributes & DOS_DIRECTORY) {
      throw unsafe('directory-entry', 'Directory entries are not allowed (folders are implied by file names).');
    }
    if (type !== 0 && type !== S_IFREG) throw unsafe('special-file', 'Only regular files are allowed in a pack.');

    if (this.names.has(name)) throw unsafe('duplicate-name', 'The name appears twice in the zip.');
    const key = collisionKey(name);
    const other = this.folded.get(key);
    if (other !== undefined) {
      throw unsafe('case-duplicate-name', `The name differs from "${other}" only in case or Unicode form.`);
    }
    this.names.add(name);
    this.folded.set(key, name);

    if (e.compressionMethod !== METHOD_STORE && e.compressionMethod !== METHOD_DEFLATE) {
      throw packError(
        'PACK_INVALID',
        'unsupported-compression',
        name,
        `Compression method ${e.compressionMethod} is not supported.`,
      );
    }
    const { maxEntryBytes, ratioFloorBytes, maxCompressionRatio, maxTotalBytes, maxMediaEntryBytes, maxTextBytes } =
      this.limits;
    // Stored entries are media, streamed to disk; compressed ones are text, held in memory.
    const stored = e.compressionMethod === METHOD_STORE;
    const entryLimit = stored ? maxMediaEntryBytes : maxEntryBytes;
    if (e.uncompressedSize > entryLimit) {
      throw unsafe('entry-too-large', `The entry is ${e.uncompressedSize} bytes; the limit is ${entryLimit}.`, {
        size: e.uncompressedSize,
        limit: entryLimit,
      });
    }
    if (!stored) {
      this.text += e.uncompressedSize;
      if (this.text > maxTextBytes) {
        throw unsafe('text-too-large', `The text entries add up to more than ${maxTextBytes} bytes.`, {
          limit: maxTextBytes,
        });
      }
    }
    if (e.uncompressedSize > ratioFloorBytes && e.uncompressedSize > e.compressedSize * maxCompressionRatio) {
      throw unsafe(
        'compression-ratio',
        `The entry would expand ${e.compressedSize} bytes to ${e.uncompressedSize} (more than ${maxCompressionRatio}:1); this looks like a zip bomb.`,
        { limit: maxCompressionRatio },
      );
    }
    this.total += e.uncompressedSize;
    if (this.total > maxTotalBytes) {
      throw unsafe('total-too-large', `The entries add up to more than ${maxTotalBytes} bytes.`, {
        limit: maxTotalBytes,
      });
    }
    return name;
  }

  /** Names must be UTF-8 and flagged so (bit 11); legacy code-page names read differently per machine. */
  private name(e: ZipEntry): string {
    const raw = e.fileNameRaw;
    const decoded = decodeUtf8(raw, { keepBom: true });
    const ascii = raw.every((b) => b < 0x80);
    if (decoded === null || (!ascii && !(e.generalPurposeBitFlag & FLAG_UTF8))) {
      const shown = raw
        .toString('latin1')
        .replace(/[^\x20-\x7e]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
      throw packError('PACK_UNSAFE', 'non-utf8-name', shown, 'The entry name is not UTF-8 (or not flagged as UTF-8).');
    }
    return decoded;
  }
}
