import { describe, it } from 'vitest';
import { verifyPack } from '../../../src/core/packs/verify';
import { expectRefusal, keys, miniFiles, signedEntries } from './helpers/pack';
import { rawZip, type RawEntry } from './helpers/rawZip';

/** Hostile archives, part 1: what a careful unzipper must refuse, each with its own rule. */
const MiB = 1024 * 1024;
const pem = () => keys().a.privateKeyPem;
/** A valid signed mini pack plus `extra` entries (the extra ones are what must be refused). */
const withEntries = (...extra: RawEntry[]) => rawZip([...signedEntries(miniFiles(), pem()), ...extra]);
const file = (name: string | Buffer, more: Partial<RawEntry> = {}): RawEntry => ({
  name,
  data: Buffer.from('x'),
  ...more,
});

describe('extraction rules (PACK_UNSAFE)', () => {
  it.each([
    ['absolute path', '/etc/passwd', 'absolute-path'],
    ['Windows drive path', 'C:/Windows/evil.md', 'absolute-path'],
    ['".." path', '../evil.md', 'parent-segment'],
    ['nested ".." path', 'sessions/../../evil.md', 'parent-segment'],
    ['backslash path', 'sessions\\s1\\evil.md', 'backslash'],
    ['directory entry', 'sessions/', 'directory-entry'],
    ['control character', 'a\u0007b.md', 'invalid-name'],
    ['right-to-left override', 'evil\u202Edm.exe', 'invalid-name'],
    ['over-long path', `${'a/'.repeat(100)}b.md`, 'path-too-long'],
  ])('refuses an entry with a %s', async (_what, name, rule) => {
    await expectRefusal(verifyPack(withEntries(file(name))), 'PACK_UNSAFE', rule, name);
  });

  it('refuses a symlink entry (S_IFLNK in the unix mode)', async () => {
    const link = file('source/link.txt', {
      data: Buffer.from('/etc/passwd'),
      externalAttributes: (0o120777 << 16) >>> 0,
    });
    await expectRefusal(verifyPack(withEntries(link)), 'PACK_UNSAFE', 'symlink', 'source/link.txt');
  });

  it('refuses directories flagged in the attributes and other special files', async () => {
    const dir = file('sessions/s3', { externalAttributes: (0o040755 << 16) >>> 0 });
    await expectRefusal(verifyPack(withEntries(dir)), 'PACK_UNSAFE', 'directory-entry');
    const fifo = file('fifo', { externalAttributes: (0o010644 << 16) >>> 0 });
    await expectRefusal(verifyPack(withEntries(fifo)), 'PACK_UNSAFE', 'special-file');
  });

  it('refuses duplicate names, also when they differ only in case or Unicode form', async () => {
    await expectRefusal(
      verifyPack(withEntries(file('manifest.json'))),
      'PACK_UNSAFE',
      'duplicate-name',
      'manifest.json',
    );
    await expectRefusal(
      verifyPack(withEntries(file('Manifest.JSON'))),
      'PACK_UNSAFE',
      'case-duplicate-name',
      'Manifest.JSON',
    );
    const nfc = file('caf\u00e9.md');
    const nfd = file('cafe\u0301.md');
    await expectRefusal(verifyPack(withEntries(nfc, nfd)), 'PACK_UNSAFE', 'case-duplicate-name');
  });

  it('refuses non-UTF-8 names: flag unset with non-ASCII bytes, or invalid UTF-8 bytes', async () => {
    const cp437 = file(Buffer.from([0x73, 0x82, 0x2e, 0x6d, 0x64]), { flags: 0 });
    await expectRefusal(verifyPack(withEntries(cp437)), 'PACK_UNSAFE', 'non-utf8-name', 's\\x82.md');
    const utf8Unflagged = file(Buffer.from('学习.md'), { flags: 0 });
    await expectRefusal(verifyPack(withEntries(utf8Unflagged)), 'PACK_UNSAFE', 'non-utf8-name');
    const invalid = file(Buffer.from([0x61, 0xc3, 0x28, 0x2e, 0x6d, 0x64]));
    await expectRefusal(verifyPack(withEntries(invalid)), 'PACK_UNSAFE', 'non-utf8-name');
  });

  it('refuses encrypted entries (traditional and strong encryption flags)', async () => {
    await expectRefusal(
      verifyPack(withEntries(file('secret.md', { flags: 0x0801 }))),
      'PACK_UNSAFE',
      'encrypted',
      'secret.md',
    );
    await expectRefusal(verifyPack(withEntries(file('secret.md', { flags: 0x0841 }))), 'PACK_UNSAFE', 'encrypted');
  });

  it('refuses too many entries before reading any of them', async () => {
    const many = Array.from({ length: 2001 }, (_, i) => file(`f/${String(i).padStart(5, '0')}.md`));
    await expectRefusal(verifyPack(rawZip(many)), 'PACK_UNSAFE', 'too-many-entries', null);
  });

  it('refuses an entry declared larger than 64 MiB, without inflating it', async () => {
    const big = file('big.md', { declaredSize: 65 * MiB, stored: Buffer.alloc(1024 * 1024) });
    await expectRefusal(verifyPack(withEntries(big)), 'PACK_UNSAFE', 'entry-too-large', 'big.md');
  });

  it('refuses a zip bomb by its compression ratio', async () => {
    const bomb = { name: 'bomb.md', data: Buffer.alloc(2 * MiB) };
    await expectRefusal(verifyPack(withEntries(bomb)), 'PACK_UNSAFE', 'compression-ratio', 'bomb.md');
  });

  it('refuses entries whose sizes add up to more than the total limit', async () => {
    const chunk = Buffer.alloc(330 * 1024); // 60 MiB / 330 KiB < 200:1, so only the total trips
    const parts = Array.from({ length: 9 }, (_, i) => file(`part${i}.bin`, { declaredSize: 60 * MiB, stored: chunk }));
    const limits = { maxTextBytes: 1024 * MiB, maxTotalBytes: 512 * MiB };
    await expectRefusal(verifyPack(rawZip(parts), { limits }), 'PACK_UNSAFE', 'total-too-large', 'part8.bin');
  });

  it('refuses compressed (text) entries adding up to more than 256 MiB before inflating any', async () => {
    const chunk = Buffer.alloc(330 * 1024);
    const parts = Array.from({ length: 5 }, (_, i) => file(`part${i}.bin`, { declaredSize: 60 * MiB, stored: chunk }));
    await expectRefusal(verifyPack(rawZip(parts)), 'PACK_UNSAFE', 'text-too-large', 'part4.bin');
  });

  it('refuses a file bigger than any pack may be, without parsing it', async () => {
    const limits = { maxFileBytes: 520 * MiB }; // the real limit is 4 GiB, too much to allocate in a test
    await expectRefusal(verifyPack(Buffer.alloc(600 * MiB), { limits }), 'PACK_UNSAFE', 'pack-too-large', null);
  });
});
